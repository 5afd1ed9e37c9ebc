using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Proxy;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// The request handler of a loaded mock, for every carrier (Kestrel, the in-memory engine): the mock's own pipeline,
/// or with <see cref="SuperOfficeMockServerOptions.Proxy"/> the same pipeline with the catalog's routes forwarded to
/// the tenant (<see cref="ProxyStep"/>). The choice is made once here, so a mock without a tenant does no proxy work.
/// </summary>
internal static class MockHandler
{
    public static RequestDelegate Build(MockContext mock) =>
        mock.Options.Proxy is { } tenant ? MockPipeline.Build(mock, ProxyStep.Start(mock, tenant).HandleAsync) : MockPipeline.Build(mock);
}
