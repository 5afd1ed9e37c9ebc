using System.Net;
using ContractHarness.Pact.Tests.Support;

namespace ContractHarness.Pact.Tests.Interop;

public class EngineErrorsTests
{
    [Fact]
    public async Task MockServerOnAnInvalidAddress_ThrowsPactEngineExceptionWithTheEnginesCode()
    {
        using var folder = new TempDirectory();
        var pact = Pact.V4("C", "P", new PactConfig { PactDir = folder.Path, Host = "not an address" }).WithHttpInteractions();
        pact.UponReceiving("a get").WithRequest(HttpMethod.Get, "/x").WillRespond().WithStatus(HttpStatusCode.OK);

        var act = () => pact.VerifyAsync(_ => Task.CompletedTask);

        var error = (await act.Should().ThrowAsync<PactEngineException>()).Which;
        error.Function.Should().Be("pactffi_create_mock_server_for_transport");
        error.Code.Should().Be(-5);
        error.Message.Should().Contain("the address is not valid");
    }

    [Fact]
    public async Task MockServerOnAPortInUse_ThrowsPactEngineException()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = (ushort)((IPEndPoint)listener.LocalEndpoint).Port;
        using var folder = new TempDirectory();
        var pact = Pact.V4("C", "P", new PactConfig { PactDir = folder.Path, Port = port }).WithHttpInteractions();
        pact.UponReceiving("a get").WithRequest(HttpMethod.Get, "/x").WillRespond().WithStatus(HttpStatusCode.OK);

        var act = () => pact.VerifyAsync(_ => Task.CompletedTask);

        (await act.Should().ThrowAsync<PactEngineException>()).Which.Code.Should().Be(-3);
    }
}
