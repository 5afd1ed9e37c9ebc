using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Model;
using Microsoft.AspNetCore.Http;

namespace ContractHarness.MockServer.Tests.Http;

public sealed class HostPolicyTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7:5080", true)]
    [InlineData("192.0.2.7", "localhost:5080", true)]
    [InlineData("192.0.2.7", "192.0.2.8:5080", false)]
    [InlineData("::1", "[::1]:5080", true)]
    [InlineData("127.0.0.1", "rebound.example:5080", false)]
    [InlineData("127.0.0.1", "", true)]
    public void Check_AnswersLoopbackAndTheBoundAddressOnly(string bound, string host, bool answered)
    {
        var policy = new HostPolicy(bound, []);
        var context = new DefaultHttpContext();
        context.Request.Headers.Host = host;

        var refused = policy.Check(context.Request);

        if (answered)
        {
            refused.Should().BeNull();
        }
        else
        {
            refused!.Status.Should().Be(421);
        }
    }

    [Fact]
    public void Check_WithAStar_AnswersEveryHost()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Host = "anything.example";

        new HostPolicy("127.0.0.1", ["*"]).Check(context.Request).Should().BeNull();
    }
}
