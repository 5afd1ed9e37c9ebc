namespace ContractHarness.Pact.Verifier;

/// <summary>
/// Replays pacts against a running provider, as PactNet's verifier does:
/// <code>
/// new PactVerifier("SuperOfficeWebApi", new PactVerifierConfig())
///     .WithHttpEndpoint(providerUri)
///     .WithFileSource(pactFile)
///     .WithProviderStateUrl(new Uri(providerUri, "/__admin/provider-states"), teardown: true)
///     .Verify();
/// </code>
/// The engine runs on a dedicated thread; one verifier instance may run several times.
/// </summary>
public sealed partial class PactVerifier
{
    private readonly VerifierSettings settings;

    /// <summary>Creates a verifier for the provider named in the pacts.</summary>
    public PactVerifier(string providerName, PactVerifierConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        settings = new VerifierSettings { ProviderName = providerName, Config = config ?? new PactVerifierConfig() };
    }

    /// <summary>The provider's base address (scheme, host, port and base path).</summary>
    public PactVerifier WithHttpEndpoint(Uri providerUri)
    {
        ArgumentNullException.ThrowIfNull(providerUri);
        if (!providerUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The provider address must be absolute.", nameof(providerUri));
        }

        settings.ProviderUri = providerUri;
        return this;
    }

    /// <summary>The endpoint the verifier POSTs provider states to (<c>{"state": ..., "params": {...}, "action": "setup"}</c>).</summary>
    /// <param name="stateUri">The state change endpoint.</param>
    /// <param name="teardown">Also POST <c>"action": "teardown"</c> after each interaction.</param>
    /// <param name="body">Send the state in a JSON body (true) or as query parameters (false).</param>
    public PactVerifier WithProviderStateUrl(Uri stateUri, bool teardown = false, bool body = true)
    {
        ArgumentNullException.ThrowIfNull(stateUri);
        settings.ProviderState = new ProviderStateSettings(stateUri, teardown, body);
        return this;
    }

    /// <summary>A header added to every request replayed against the provider (e.g. real credentials).</summary>
    public PactVerifier WithCustomHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        settings.CustomHeaders.Add(new(name, value));
        return this;
    }

    /// <summary>How long one request to the provider may take (the engine's default is 5 s).</summary>
    public PactVerifier WithRequestTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        settings.RequestTimeout = timeout;
        return this;
    }

    /// <summary>Accepts any TLS certificate from the provider.</summary>
    public PactVerifier WithSslVerificationDisabled()
    {
        settings.DisableSslVerification = true;
        return this;
    }

    /// <summary>Verifies only interactions whose description matches <paramref name="description"/> (a regex) and/or whose state is <paramref name="providerState"/>.</summary>
    public PactVerifier WithFilter(string? description = null, string? providerState = null, bool onlyWithoutState = false)
    {
        settings.Filter = new FilterSettings(description, providerState, onlyWithoutState);
        return this;
    }

    /// <summary>Whether finding no pact to verify fails the run (the engine's default is true).</summary>
    public PactVerifier WithNoPactsIsError(bool isError)
    {
        settings.NoPactsIsError = isError;
        return this;
    }
}
