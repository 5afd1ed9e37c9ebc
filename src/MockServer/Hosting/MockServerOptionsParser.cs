using System.Collections;
using System.Globalization;
using System.Text;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// Binds <see cref="SuperOfficeMockServerOptions"/> from environment variables (<c>CONTRACTHARNESS_PORT=5081</c>) and then the
/// command line (<c>--port 5081</c> or <c>--port=5081</c>), the command line winning. Switches take an optional
/// <c>true</c>/<c>false</c>. <c>--urls http://127.0.0.1:5081</c> sets host and port at once.
/// </summary>
internal static class MockServerOptionsParser
{
    private static readonly OptionSpec[] Specs =
    [
        new("port", "PORT", "N", "Port to listen on (default 5080; 0 picks a free one)", (o, v) => o.Port = Int(v, "port")),
        new("host", "HOST", "ADDRESS", "Address to bind (default 127.0.0.1; 0.0.0.0 for every interface)", (o, v) => o.Host = v),
        new("urls", "URLS", "URL", "Listen URL, e.g. http://127.0.0.1:5081 (sets host and port)", SetUrls),
        new("seed", "SEED", "N", "Seed of the generated data (default 1)", (o, v) => o.Seed = Int(v, "seed")),
        new("entity-count", "ENTITY_COUNT", "N", "Entities per route, ids 1..N (default 100)", (o, v) => o.EntityCount = Int(v, "entity-count")),
        new("contracts", "CONTRACTS", "DIR", "The contracts/ folder (default: the copy next to the program)", (o, v) => o.ContractsDirectory = v),
        new("fixtures", "FIXTURES", "DIR", "Folder of sample entities replacing contracts/fixtures", (o, v) => o.FixturesDirectory = v),
        new("require-auth", "REQUIRE_AUTH", null, "Answer 401 without Authorization or X-XSRF-TOKEN", (o, v) => o.RequireAuth = Bool(v, "require-auth")),
        new("cors-origins", "CORS_ORIGINS", "LIST", "Extra browser origins, comma separated ('*' for all); loopback is always allowed",
            (o, v) => o.CorsOrigins = List(v)),
        new("allowed-hosts", "ALLOWED_HOSTS", "LIST", "Extra Host names served, comma separated ('*' for any); loopback and the bound address always are",
            (o, v) => o.AllowedHosts = List(v)),
        new("admin-token", "ADMIN_TOKEN", "TOKEN", "Require 'Authorization: Bearer TOKEN' on /__admin (health excepted)", (o, v) => o.AdminToken = v),
        new("data", "DATA", "DIR", "Keep accepted updates in this folder across restarts", (o, v) => o.DataDirectory = v),
        new("journal-size", "JOURNAL_SIZE", "N", "Requests kept by GET /__admin/requests (default 1000)", (o, v) => o.JournalSize = Int(v, "journal-size")),
        new("log-requests", "LOG_REQUESTS", null, "Print one line per request (default true)", (o, v) => o.LogRequests = Bool(v, "log-requests")),
        new("quiet", "QUIET", null, "Do not print request lines", (o, v) => o.LogRequests = !Bool(v, "quiet")),
        new("max-body-bytes", "MAX_BODY_BYTES", "N", "Largest request body (default 1048576); larger gets 413", (o, v) => o.MaxRequestBodyBytes = Int(v, "max-body-bytes")),
        new("latency", "LATENCY", "MS|MIN-MAX", "Delay every entity answer by MS, or by a time between MIN and MAX (at most 60000)", SetLatency),
        new("ignore-preconditions", "IGNORE_PRECONDITIONS", null, "TESTING AID: ignore If-Unmodified-Since, breaking the contract on purpose",
            (o, v) => o.IgnorePreconditions = Bool(v, "ignore-preconditions")),
    ];

    /// <summary>The prefix of every environment variable.</summary>
    public const string EnvironmentPrefix = "CONTRACTHARNESS_";

    /// <summary>Binds the options; throws <see cref="ArgumentException"/> with a readable message for a bad option.</summary>
    public static SuperOfficeMockServerOptions Parse(IReadOnlyList<string> args, IDictionary? environment = null)
    {
        var options = new SuperOfficeMockServerOptions();
        environment ??= Environment.GetEnvironmentVariables();
        foreach (var spec in Specs)
        {
            if (environment[EnvironmentPrefix + spec.Env] is string value && value.Length > 0)
            {
                spec.Set(options, value);
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{arg}'. Run with --help for the options.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            var spec = Specs.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Unknown option '--{name}'. Run with --help for the options.");
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (spec.Value is null)
            {
                value = i + 1 < args.Count && bool.TryParse(args[i + 1], out _) ? args[++i] : "true";
            }
            else
            {
                value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option '--{name}' needs a value ({spec.Value}).");
            }

            spec.Set(options, value);
        }

        return options;
    }

    /// <summary>True when the command line asks for help.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>The option table, for <c>--help</c>.</summary>
    public static string Help()
    {
        var text = new StringBuilder("Usage: dotnet run --project src/MockServer -- [options]\n\nOptions (environment variable in brackets):\n");
        foreach (var spec in Specs)
        {
            var flag = spec.Value is null ? $"--{spec.Name} [true|false]" : $"--{spec.Name} {spec.Value}";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {flag,-34} {spec.Help} [{EnvironmentPrefix}{spec.Env}]");
        }

        return text.ToString();
    }

    private static void SetUrls(SuperOfficeMockServerOptions options, string value)
    {
        var first = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? value;
        var normalized = first.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"'{value}' is not an http:// URL to listen on.");
        }

        options.Host = uri.Host;
        options.Port = uri.Port;
    }

    private static void SetLatency(SuperOfficeMockServerOptions options, string value)
    {
        var range = Operations.DelayRange.TryParse(value, out var error) ?? throw new ArgumentException($"Option 'latency': {error}");
        options.Latency = TimeSpan.FromMilliseconds(range.MinMs);
        options.LatencyMax = range.IsRange ? TimeSpan.FromMilliseconds(range.MaxMs) : null;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Int(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"Option '{name}' needs a non-negative whole number, not '{value}'.");

    private static bool Bool(string value, string name) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new ArgumentException($"Option '{name}' needs true or false, not '{value}'."),
    };

    private sealed record OptionSpec(string Name, string Env, string? Value, string Help, Action<SuperOfficeMockServerOptions, string> Set);
}
