using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractHarness.ProviderVerifier;

/// <summary>
/// A state-change endpoint on 127.0.0.1 for providers that cannot arrange states themselves: it answers each
/// setup with the values the states file maps the state to (such as the id of an entity that exists on the
/// tenant), which the verifier injects into the replayed request. Unmapped states answer with the pact's own
/// parameters.
/// </summary>
internal sealed class StatesFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StatesFileServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<StatesFileServer> StartAsync(string statesFile, TextWriter log)
    {
        var states = JsonNode.Parse(await File.ReadAllTextAsync(statesFile)) as JsonObject
            ?? throw new InvalidDataException($"{statesFile}: expected a JSON object mapping state names to objects of values.");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/provider-states", async (HttpContext context) =>
        {
            var request = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
            var state = request?["state"]?.GetValue<string>() ?? string.Empty;
            var action = request?["action"]?.GetValue<string>() ?? "setup";
            if (action != "setup" || state.Length == 0)
            {
                return Results.Json(new JsonObject());
            }

            var values = (request?["params"] as JsonObject)?.DeepClone().AsObject() ?? [];
            if (states.TryGetPropertyValue(state, out var mapped) && mapped is JsonObject map)
            {
                foreach (var (key, value) in map)
                {
                    values[key] = value?.DeepClone();
                }
            }
            else
            {
                await log.WriteLineAsync($"warning: provider state '{state}' is not in {statesFile}; injecting the pact's own values {values.ToJsonString()}");
            }

            return Results.Text(values.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StatesFileServer(app, new Uri(new Uri(address), "/provider-states"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
