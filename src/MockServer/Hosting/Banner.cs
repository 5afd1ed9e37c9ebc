using System.Text;

namespace ContractHarness.MockServer.Hosting;

/// <summary>The start-up banner: URL, endpoints with their entity counts, admin URL and the options in force.</summary>
internal static class Banner
{
    public static string For(MockServer server)
    {
        var options = server.Options;
        var text = new StringBuilder();
        text.AppendLine($"ContractHarness mock of the SuperOffice CRM Web API, listening on {server.Url}");
        foreach (var (route, count) in server.EntityCounts)
        {
            text.AppendLine($"  {route,-28} {count,5} entities");
        }

        text.AppendLine($"  Admin: {server.Url}/__admin (health, reset, requests, provider-states)");
        text.Append($"  Seed {options.Seed}, {options.EntityCount} per entity; auth {(options.RequireAuth ? "required" : "optional")}; ");
        text.Append(options.DataDirectory is { Length: > 0 } data ? $"data kept in {Path.GetFullPath(data)}" : "data in memory");
        if (options.IgnorePreconditions)
        {
            text.Append("; TESTING AID: If-Unmodified-Since is ignored");
        }

        return text.ToString();
    }
}
