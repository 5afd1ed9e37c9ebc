using System.Globalization;
using System.Net;
using System.Text;
using ContractHarness.MockServer.Http;
using ContractHarness.MockServer.Store.Seeding;

namespace ContractHarness.MockServer.Hosting;

/// <summary>The start-up banner: URL, endpoints with their entity counts, admin URL and the options in force.</summary>
internal static class Banner
{
    public static string For(SuperOfficeMockServer server)
    {
        var options = server.Options;
        var text = new StringBuilder();
        text.AppendLine($"ContractHarness mock of the SuperOffice CRM Web API, listening on {server.Url}");
        foreach (var route in server.Routes)
        {
            text.AppendLine($"  {route.Methods,-22} {route.Route,-24} {route.Count,4} entities (sample id {route.SampleId})");
        }

        text.AppendLine($"  Admin page: {server.Url}/__admin/   API docs: {server.Url}/__admin/docs   OpenAPI: {server.Url}/__admin/openapi.json");
        text.AppendLine($"  Admin API: {server.Url}/__admin (health, reset, requests, faults, provider-states, sessions, coverage, violations); sessions: X-Mock-Session");
        text.Append($"  Seed {options.Seed}, {options.EntityCount} per entity; auth {(options.RequireAuth ? "required" : "optional")}; ");
        text.Append(options.DataDirectory is { Length: > 0 } data ? $"data kept in {Path.GetFullPath(data)}" : "data in memory");
        if (Exposure(options, server.Port) is { } warning)
        {
            text.AppendLine().Append(warning);
        }

        if (options.Latency is { } latency)
        {
            text.Append($"; latency {latency.TotalMilliseconds:0}{(options.LatencyMax is { } max ? $"-{max.TotalMilliseconds:0}" : string.Empty)} ms");
        }

        if (options.IgnorePreconditions)
        {
            text.Append("; TESTING AID: If-Unmodified-Since is ignored");
        }

        if (options.Proxy is { } tenant)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture,
                $"  Proxy to {Proxy.TenantAddress.Name(tenant)} (timeout {options.ProxyTimeout.TotalSeconds} s): the routes above are the tenant's answers, checked against the contract (X-Contract-Violations, {server.Url}/__admin/violations)");
            if (options.RecordDirectory is { Length: > 0 } record)
            {
                text.Append(CultureInfo.InvariantCulture, $"; every 200 entity recorded into {Path.GetFullPath(record)}");
            }
        }

        if (server.Recorded is { } recorded)
        {
            Replay(text, recorded);
        }

        return text.ToString();
    }

    /// <summary>What <c>--replay</c> serves, and each recorded entity that breaks the contract with every violation.</summary>
    private static void Replay(StringBuilder text, RecordedEntities recorded)
    {
        var breaking = recorded.Entries.Where(e => e.Violations.Count > 0).ToList();
        text.AppendLine().Append(CultureInfo.InvariantCulture,
            $"  Replay of {Path.GetFullPath(recorded.Folder)}: {recorded.Entries.Count} recorded entities at their ids ({string.Join(", ", recorded.Entries.GroupBy(e => e.Model.Resource).Select(g => $"{g.Key} {string.Join(" ", g.Select(e => e.Id))}"))})");
        if (breaking.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {breaking.Count} break the contract and are served as recorded:");
        }

        foreach (var entry in breaking)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"    {entry.Model.Resource} {entry.Id} ({entry.File}):");
            foreach (var violation in entry.Violations)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"      {violation.Path}: {violation.Message}");
            }
        }
    }

    /// <summary>What a bind address other than loopback exposes, or null for loopback.</summary>
    private static string? Exposure(SuperOfficeMockServerOptions options, int port)
    {
        var parsed = HostPolicy.TryParseBindAddress(options.Host, out var address);
        if (parsed && IPAddress.IsLoopback(address!))
        {
            return null;
        }

        var where = parsed && HostPolicy.IsEveryInterface(address!) ? "every network interface" : options.Host.Trim().Trim('[', ']');
        return $"  WARNING: bound to {where}: anyone who can reach port {port} can read and change every entity"
            + (options.RequireAuth ? " (with any Authorization header: credentials are not checked)" : " (no authorization required)")
            + $" and {(string.IsNullOrEmpty(options.AdminToken) ? "use /__admin (reset, provider states) without a token; set --admin-token" : "use /__admin with the admin token")}."
            + $" Host headers answered: loopback, the bound address(es){(options.AllowedHosts.Count > 0 ? $", {string.Join(", ", options.AllowedHosts)}" : " (add names with --allowed-hosts)")}.";
    }
}
