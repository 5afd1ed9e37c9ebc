namespace ContractHarness.ProviderVerifier;

/// <summary>
/// What to verify and against which provider. Read from the environment (the names of <c>make verify-provider</c>)
/// or set in code.
/// </summary>
internal sealed record VerificationOptions
{
    public const string ProviderName = "SuperOfficeWebApi";

    /// <summary><c>PROVIDER_BASE_URL</c>: the provider's root, e.g. <c>https://online.example/Cust12345</c> or a running mock.</summary>
    public required Uri ProviderBaseUrl { get; init; }

    /// <summary><c>PROVIDER_AUTH</c>: the Authorization header value sent with every replayed request (replaces the pact's).</summary>
    public string? Authorization { get; init; }

    /// <summary><c>PROVIDER_STATE_URL</c>: the provider's own state-change endpoint (the mock's is <c>/__admin/provider-states</c>).</summary>
    public Uri? StateChangeUrl { get; init; }

    /// <summary>
    /// <c>PROVIDER_STATES</c>: a JSON file mapping provider-state names to the values to inject, for providers that
    /// cannot arrange states, e.g. <c>{"Contact exists": {"id": 12}, "Contact does not exist": {"id": 999999999}}</c>.
    /// </summary>
    public string? StatesFile { get; init; }

    /// <summary><c>PACT_FILE</c> or <c>PACT_DIR</c>: the pacts to verify (default <c>contracts/pacts</c>).</summary>
    public string PactSource { get; init; } = Path.Combine("contracts", "pacts");

    /// <summary><c>PROVIDER_TIMEOUT_SECONDS</c>: timeout of each replayed request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>JUNIT</c>: where to write the JUnit XML report too (one test case per interaction); none when unset.</summary>
    public string? JUnitFile { get; init; }

    public static VerificationOptions FromEnvironment(Func<string, string?> get)
    {
        var baseUrl = get("PROVIDER_BASE_URL");
        if (string.IsNullOrWhiteSpace(baseUrl) || !IsHttp(baseUrl, out var uri))
        {
            throw new ArgumentException("PROVIDER_BASE_URL must be set to the provider's absolute URL, e.g. PROVIDER_BASE_URL=http://127.0.0.1:5080");
        }

        return new VerificationOptions
        {
            ProviderBaseUrl = uri,
            Authorization = Blank(get("PROVIDER_AUTH")),
            StateChangeUrl = Blank(get("PROVIDER_STATE_URL")) is { } state ? AbsoluteUri("PROVIDER_STATE_URL", state) : null,
            StatesFile = Blank(get("PROVIDER_STATES")),
            PactSource = Blank(get("PACT_FILE")) ?? Blank(get("PACT_DIR")) ?? Path.Combine("contracts", "pacts"),
            RequestTimeout = int.TryParse(get("PROVIDER_TIMEOUT_SECONDS"), out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(30),
            JUnitFile = Blank(get("JUNIT")),
        };
    }

    /// <summary>An absolute URL, or an <see cref="ArgumentException"/> naming the variable (the program prints it as one line).</summary>
    private static Uri AbsoluteUri(string variable, string value) => IsHttp(value, out var uri)
        ? uri
        : throw new ArgumentException($"{variable} must be an absolute URL, e.g. http://127.0.0.1:5080/__admin/provider-states, not '{value}'.");

    /// <summary>An absolute http(s) URL; on Linux <c>/api</c> would otherwise pass as <c>file:///api</c>.</summary>
    private static bool IsHttp(string value, out Uri uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri!) && uri.Scheme is "http" or "https";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
