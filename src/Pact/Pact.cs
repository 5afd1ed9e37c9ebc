using ContractHarness.PactNet.Consumer;

namespace ContractHarness.PactNet;

/// <summary>
/// Entry point of consumer tests, as in PactNet:
/// <code>
/// var pact = Pact.V4("SuperOfficeWebClient", "SuperOfficeWebApi", new PactConfig { PactDir = dir }).WithHttpInteractions();
/// </code>
/// In a namespace under <c>ContractHarness</c> other than <c>ContractHarness.PactNet</c>, the simple name <c>Pact</c>
/// finds the namespace <c>ContractHarness.PactNet</c> before any using directive; write
/// <c>ContractHarness.PactNet.Pact.V4(...)</c> there, or declare <c>using Pact = ContractHarness.PactNet.Pact;</c> inside
/// the namespace.
/// </summary>
public static class Pact
{
    /// <summary>Starts a V4 pact between <paramref name="consumer"/> and <paramref name="provider"/>.</summary>
    public static IPactV4 V4(string consumer, string provider, PactConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return new PactV4Definition(consumer, provider, config ?? new PactConfig(), NativeConsumerDriver.Instance);
    }
}
