using System.Collections;
using System.Globalization;
using System.Text;
using ContractHarness.MockServer.Http;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// Binds <see cref="SuperOfficeMockServerOptions"/> from environment variables (<c>CONTRACTHARNESS_PORT=5081</c>) and then the
/// command line (<c>--port 5081</c> or <c>--port=5081</c>), the command line winning and, within it, the last occurrence
/// (<c>make mock</c> puts PORT/HOST before ARGS, so ARGS win). Switches take an optional <c>true</c>/<c>false</c>.
/// <c>--urls http://127.0.0.1:5081</c> sets host and port at once.
/// </summary>
internal static class MockServerOptionsParser
{
    private static readonly OptionSpec[] Specs =
    [
        new("port", "PORT", "N", "Port to listen on; 0 picks a free one", (o, v) => o.Port = Port(v), o => o.Port),
        new("host", "HOST", "ADDRESS", "Address to bind; 0.0.0.0 for every interface", (o, v) => o.Host = BindAddress(v), o => o.Host),
        new("urls", "URLS", "URL", "Listen URL, e.g. http://127.0.0.1:5081 (sets host and port)", SetUrls, _ => "none"),
        new("seed", "SEED", "N", "Seed of the generated data", (o, v) => o.Seed = Int(v), o => o.Seed),
        new("entity-count", "ENTITY_COUNT", "N", "Entities per route, ids 1..N", (o, v) => o.EntityCount = Int(v), o => o.EntityCount),
        new("contracts", "CONTRACTS", "DIR", "A contracts/ folder to run on", (o, v) => o.ContractsDirectory = v, _ => "the contract set built in"),
        new("fixtures", "FIXTURES", "DIR", "Folder of sample entities replacing contracts/fixtures", (o, v) => o.FixturesDirectory = v, _ => "none"),
        new("require-auth", "REQUIRE_AUTH", null, "Answer 401 without Authorization or X-XSRF-TOKEN", (o, v) => o.RequireAuth = Bool(v), o => o.RequireAuth),
        new("cors-origins", "CORS_ORIGINS", "LIST", "Extra browser origins, comma separated ('*' for all); loopback is always allowed",
            (o, v) => o.CorsOrigins = List(v), _ => "none"),
        new("allowed-hosts", "ALLOWED_HOSTS", "LIST", "Extra Host names served, comma separated ('*' for any); loopback and the bound address always are",
            (o, v) => o.AllowedHosts = List(v), _ => "none"),
        new("admin-token", "ADMIN_TOKEN", "TOKEN", "Require 'Authorization: Bearer TOKEN' on /__admin (health excepted)", (o, v) => o.AdminToken = v, _ => "none"),
        new("data", "DATA", "DIR", "Keep accepted updates in this folder across restarts", (o, v) => o.DataDirectory = v, _ => "none: in memory"),
        new("journal-size", "JOURNAL_SIZE", "N", "Requests kept by GET /__admin/requests", (o, v) => o.JournalSize = Int(v), o => o.JournalSize),
        new("journal-body-bytes", "JOURNAL_BODY_BYTES", "N", "Bytes of bodies the journal holds in all, the oldest dropped first; 0 keeps none", (o, v) => o.JournalBodyBytes = Int(v), o => o.JournalBodyBytes),
        new("log-requests", "LOG_REQUESTS", null, "Print one line per request", (o, v) => o.LogRequests = Bool(v), o => o.LogRequests),
        new("quiet", "QUIET", null, "Do not print request lines", (o, v) => o.LogRequests = !Bool(v), o => !o.LogRequests),
        new("max-body-bytes", "MAX_BODY_BYTES", "N", "Largest request body; larger gets 413", (o, v) => o.MaxRequestBodyBytes = Int(v), o => o.MaxRequestBodyBytes),
        new("max-fault-rules", "MAX_FAULT_RULES", "N", "Fault rules held at once; one more gets 409", (o, v) => o.MaxFaultRules = Int(v), o => o.MaxFaultRules),
        new("max-added-entities", "MAX_ADDED_ENTITIES", "N", "Entities provider states may add outside the seed; one more gets 409",
            (o, v) => o.MaxAddedEntities = Int(v), o => o.MaxAddedEntities),
        new("max-sessions", "MAX_SESSIONS", "N", "Sessions (X-Mock-Session) alive at once; past it the least recently used idle one goes; 0 turns them off",
            (o, v) => o.MaxSessions = Int(v), o => o.MaxSessions),
        new("session-idle-minutes", "SESSION_IDLE_MINUTES", "N", "Minutes a session may go unused before it is dropped; 0 for no limit",
            (o, v) => o.SessionIdleMinutes = Int(v), o => o.SessionIdleMinutes),
        new("latency", "LATENCY", "MS|MIN-MAX", "Delay every entity answer by MS, or by a time between MIN and MAX (at most 60000)", SetLatency, _ => "none"),
        new("proxy", "PROXY", "URL", "Forward every catalog request to this tenant (http or https) and check both ways against the contract",
            (o, v) => o.Proxy = Proxy.TenantAddress.Parse(v), _ => "none: the mock answers", Proxy.TenantAddress.Masked),
        new("proxy-timeout", "PROXY_TIMEOUT", "SECONDS", "With --proxy: how long the tenant may take before the answer is 504 (at most 3600)",
            (o, v) => o.ProxyTimeout = Seconds(v), o => o.ProxyTimeout.TotalSeconds),
        new("record", "RECORD", "DIR", "With --proxy: keep every entity the tenant answers with 200 as DIR/<Resource>/<id>.json",
            (o, v) => o.RecordDirectory = v, _ => "none"),
        new("replay", "REPLAY", "DIR", "Serve the entities recorded in DIR at their ids (no tenant needed)", (o, v) => o.ReplayDirectory = v, _ => "none"),
        new("ignore-preconditions", "IGNORE_PRECONDITIONS", null, "TESTING AID: ignore If-Unmodified-Since, breaking the contract on purpose",
            (o, v) => o.IgnorePreconditions = Bool(v), o => o.IgnorePreconditions),
    ];

    /// <summary>The prefix of every environment variable.</summary>
    public const string EnvironmentPrefix = "CONTRACTHARNESS_";

    /// <summary>What every error line ends with.</summary>
    public const string HelpHint = "Run with --help for the options.";

    /// <summary>
    /// Binds the options; throws <see cref="ArgumentException"/> with a one-line message naming the option (or
    /// variable) and its value for a bad one. A variable the command line overrides is not read, so a stale one
    /// in the shell does not stop <c>make mock ARGS=...</c>.
    /// </summary>
    public static SuperOfficeMockServerOptions Parse(IReadOnlyList<string> args, IDictionary? environment = null)
    {
        var commandLine = CommandLine(args);
        var options = new SuperOfficeMockServerOptions();
        environment ??= Environment.GetEnvironmentVariables();
        foreach (var spec in Specs.Where(s => !commandLine.Any(c => c.Spec == s)))
        {
            if (environment[EnvironmentPrefix + spec.Env] is string value && value.Length > 0)
            {
                Apply(spec, options, value, $"{EnvironmentPrefix}{spec.Env}=");
            }
        }

        foreach (var (spec, value) in commandLine)
        {
            Apply(spec, options, value, $"--{spec.Name} ");
        }

        return options;
    }

    /// <summary>True when the command line asks for help.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>The option table, for <c>--help</c>: each option with its environment variable and default.</summary>
    public static string Help()
    {
        var defaults = new SuperOfficeMockServerOptions();
        var text = new StringBuilder(
            $"""
            Usage: superoffice-mock [options]   (in the repository: make mock ARGS="[options]")

            {Precedence}

            Options [environment variable; default]:

            """);
        foreach (var spec in Specs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Flag(spec),-36} {spec.Help} [{EnvironmentPrefix}{spec.Env}; default {DefaultText(spec, defaults)}]");
        }

        return text.ToString();
    }

    /// <summary>Which setting wins, said once: --help prints it and docs/options.md is made from <see cref="Markdown"/>.</summary>
    public const string Precedence =
        "Precedence: command-line options (make mock's ARGS; the last one wins) > make's PORT=/HOST= > CONTRACTHARNESS_* variables > the defaults.";

    /// <summary>The option table as the Markdown of docs/options.md (a test keeps that page equal to this).</summary>
    public static string Markdown()
    {
        var defaults = new SuperOfficeMockServerOptions();
        var text = new StringBuilder(
            $"""
            # The mock's options

            <!-- Made from the option table of src/MockServer/Hosting/MockServerOptionsParser.cs by `make docs`; a test fails when it is stale. -->

            `superoffice-mock --help` (in the repository `make mock ARGS=--help`) prints the same. Every option also has an
            environment variable; a switch takes an optional `true`/`false`.

            {Precedence}

            | option | variable | default | what it does |
            |---|---|---|---|

            """);
        foreach (var spec in Specs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{Cell(Flag(spec))}` | `{EnvironmentPrefix}{spec.Env}` | {Cell(DefaultText(spec, defaults))} | {Cell(spec.Help)} |");
        }

        return text.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>A table cell: a bare pipe would end it, an escaped one shows as a pipe (in code spans too).</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Flag(OptionSpec spec) => spec.Value is null ? $"--{spec.Name} [true|false]" : $"--{spec.Name} {spec.Value}";

    private static string DefaultText(OptionSpec spec, SuperOfficeMockServerOptions defaults) => spec.Default is null ? "none" : Text(spec.Default(defaults));

    private static List<(OptionSpec Spec, string Value)> CommandLine(IReadOnlyList<string> args)
    {
        var given = new List<(OptionSpec, string)>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new ArgumentException($"unexpected argument '{arg}' (options start with --). {HelpHint}");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            var spec = Specs.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? throw Unknown(name);
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (spec.Value is null)
            {
                value = i + 1 < args.Count && bool.TryParse(args[i + 1], out _) ? args[++i] : "true";
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                // "--port --seed 2" is a forgotten value, not a port named "--seed" (--name=--x still passes one).
                throw new ArgumentException($"--{spec.Name} needs a value ({spec.Value}). {HelpHint}");
            }

            given.Add((spec, value));
        }

        return given;
    }

    private static ArgumentException Unknown(string name)
    {
        var near = Specs.FirstOrDefault(s => s.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(s.Name, StringComparison.OrdinalIgnoreCase));
        return new ArgumentException($"unknown option --{name}{(near is null || name.Length == 0 ? "" : $" (did you mean --{near.Name}?)")}. {HelpHint}");
    }

    /// <summary>The setters say what is wrong with a value; this names where it came from and what it was.</summary>
    private static void Apply(OptionSpec spec, SuperOfficeMockServerOptions options, string value, string source)
    {
        try
        {
            spec.Set(options, value);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{source}{Quote(spec.Shown?.Invoke(value) ?? value)}: {e.Message.TrimEnd('.')}. {HelpHint}", e);
        }
    }

    private static string Quote(string value) => value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or ':' or '/' or '_')
        ? value
        : $"'{value}'";

    private static string Text(object? value) => value switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "none",
    };

    private static void SetUrls(SuperOfficeMockServerOptions options, string value)
    {
        var first = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? value;
        var normalized = first.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException("not an http:// URL to listen on");
        }

        options.Host = BindAddress(uri.Host);
        options.Port = uri.Port;
    }

    private static string BindAddress(string value) => HostPolicy.TryParseBindAddress(value, out _)
        ? value
        : throw new ArgumentException("not an IP address to bind to (use 127.0.0.1, 0.0.0.0, ::1 or localhost)");

    private static void SetLatency(SuperOfficeMockServerOptions options, string value)
    {
        var range = Operations.DelayRange.TryParse(value, out var error) ?? throw new ArgumentException(error);
        options.Latency = TimeSpan.FromMilliseconds(range.MinMs);
        options.LatencyMax = range.IsRange ? TimeSpan.FromMilliseconds(range.MaxMs) : null;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Port(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new ArgumentException("not a port (a whole number from 0 to 65535; 0 picks a free one)");

    private static int Int(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException("not a whole number of 0 or more");

    private static TimeSpan Seconds(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException("not a number of seconds above 0 and at most 3600");

    private static bool Bool(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new ArgumentException("not true or false"),
    };

    /// <summary>
    /// One option: its name, variable suffix, value placeholder (null for a switch), help, setter, default as shown by
    /// --help, and how an error line shows a value (to keep a credential in it off the screen), when not as given.
    /// </summary>
    private sealed record OptionSpec(
        string Name, string Env, string? Value, string Help, Action<SuperOfficeMockServerOptions, string> Set,
        Func<SuperOfficeMockServerOptions, object?>? Default = null, Func<string, string>? Shown = null);
}
