using System.Text.Json;

namespace ContractHarness.Pact;

/// <summary>Settings of a consumer pact.</summary>
public sealed class PactConfig
{
    /// <summary>Where pact files are written (merged with an existing file of the same pair). Default: <c>./pacts</c>.</summary>
    public string PactDir { get; init; } = Path.Combine(Directory.GetCurrentDirectory(), "pacts");

    /// <summary>The engine's log level (one per process: the first pact or verifier created wins).</summary>
    public PactLogLevel LogLevel { get; init; } = PactLogLevel.Information;

    /// <summary>Where mock-server logs go after each verification, e.g. an xunit <c>ITestOutputHelper</c> adapter.</summary>
    public IReadOnlyList<IPactOutput> Outputters { get; init; } = [];

    /// <summary>Serialiser settings for bodies and matcher examples. Default: names as written, no indentation.</summary>
    public JsonSerializerOptions? DefaultJsonSettings { get; init; }

    /// <summary>The address the mock server listens on. Default: <c>127.0.0.1</c>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The mock server's port; 0 (the default) picks a free one.</summary>
    public ushort Port { get; init; }
}
