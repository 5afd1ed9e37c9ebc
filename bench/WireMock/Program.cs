using ContractHarness.MockServer;
using ContractHarness.WireMock;
using WireMock.Server;
using WireMock.Settings;

// ContractHarness.Bench.WireMock contract|static PORT REPO: a WireMock.Net server on 127.0.0.1:PORT with the contract
// (AddSuperOfficeContract) or with the generated static mappings (contracts/wiremock/net), both with the same bounded
// request log; it runs until its standard input closes.
if (args.Length != 3 || args[0] is not ("contract" or "static") || !int.TryParse(args[1], out var port))
{
    Console.Error.WriteLine("usage: ContractHarness.Bench.WireMock contract|static PORT REPO");
    return 2;
}

var server = WireMockServer.Start(new WireMockServerSettings { Port = port, MaxRequestLogCount = 1000 });
using var contract = args[0] == "contract"
    ? server.AddSuperOfficeContract(new SuperOfficeContractOptions { Mock = new SuperOfficeMockServerOptions { LogRequests = false } })
    : null;
if (contract is null)
{
    server.ReadStaticMappings(Path.Combine(args[2], "contracts", "wiremock", "net"));
}

Console.WriteLine($"ready {server.Url}");
await Console.In.ReadToEndAsync();
server.Stop();
return 0;
