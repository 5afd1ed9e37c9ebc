using ContractHarness.MockServer;

namespace ContractHarness.WireMock.Tests.Adapter;

/// <summary>The two hosts that carry the contract: the mock's own Kestrel server and a WireMock.Net server.</summary>
public static class ContractHosts
{
    public const string Kestrel = "Kestrel";
    public const string WireMock = "WireMock.Net";

    public static async Task<IAsyncDisposable> StartAsync(string host, Action<Uri> ready)
    {
        if (host == Kestrel)
        {
            var server = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });
            ready(server.BaseAddress);
            return server;
        }

        var contract = SuperOfficeWireMock.Start(new SuperOfficeContractOptions { Mock = new SuperOfficeMockServerOptions { LogRequests = false } });
        ready(contract.BaseAddress);
        return new Stopping(contract);
    }

    private sealed class Stopping(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
