using ContractHarness.Pact.Consumer;

namespace ContractHarness.Pact;

/// <summary>
/// Entry point of consumer tests, as in PactNet:
/// <code>
/// var pact = Pact.V4("SuperOfficeWebClient", "SuperOfficeWebApi", new PactConfig { PactDir = dir }).WithHttpInteractions();
/// </code>
/// With <c>using ContractHarness.Pact;</c> a consumer's test project writes <c>Pact.V4(...)</c>. Code that is itself in
/// a namespace under <c>ContractHarness</c> sees the namespace <c>ContractHarness.Pact</c> under that simple name
/// first, and names the type <c>ContractHarness.Pact.Pact</c>.
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
