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
        foreach (var route in server.Routes)
        {
            text.AppendLine($"  {route.Methods,-22} {route.Route,-24} {route.Count,4} entities (sample id {route.SampleId})");
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
