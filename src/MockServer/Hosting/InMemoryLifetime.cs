using Microsoft.AspNetCore.Http.Features;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// The request lifetime of an in-memory exchange: the caller's cancellation, and whether the mock aborted the
/// exchange (a fault rule's <c>abort</c>), which a socket would show as a reset connection and the engine reports as
/// <see cref="MockResponse.Aborted"/>. (ASP.NET Core's own feature ignores <c>Abort</c>.)
/// </summary>
internal sealed class InMemoryLifetime(CancellationToken requestAborted) : IHttpRequestLifetimeFeature
{
    public CancellationToken RequestAborted { get; set; } = requestAborted;

    public bool Aborted { get; private set; }

    public void Abort() => Aborted = true;
}
