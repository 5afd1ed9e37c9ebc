namespace ContractHarness.Pact.Verifier;

/// <summary>Where pacts come from.</summary>
internal abstract record PactSource;

internal sealed record FileSource(string Path) : PactSource;

internal sealed record DirectorySource(string Path) : PactSource;

internal sealed record UrlSource(Uri Url, string? Username, string? Password, string? Token) : PactSource;

internal sealed record BrokerSource(Uri Url, PactBrokerOptions Options) : PactSource;

/// <summary>A provider-state change endpoint.</summary>
internal sealed record ProviderStateSettings(Uri Url, bool Teardown, bool Body);

/// <summary>Which interactions to verify.</summary>
internal sealed record FilterSettings(string? Description, string? State, bool NoState);

/// <summary>Everything a <see cref="PactVerifier"/> collected, applied to one engine verifier handle.</summary>
internal sealed class VerifierSettings
{
    public required string ProviderName { get; init; }

    public required PactVerifierConfig Config { get; init; }

    public Uri? ProviderUri { get; set; }

    public List<PactSource> Sources { get; } = [];

    public ProviderStateSettings? ProviderState { get; set; }

    public List<KeyValuePair<string, string>> CustomHeaders { get; } = [];

    public TimeSpan? RequestTimeout { get; set; }

    public bool DisableSslVerification { get; set; }

    public FilterSettings? Filter { get; set; }

    public bool? NoPactsIsError { get; set; }
}
