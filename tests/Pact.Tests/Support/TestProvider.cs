using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContractHarness.Pact.Tests.Support;

/// <summary>
/// A minimal Kestrel provider on 127.0.0.1 and a free port, started inside a test, with a provider-state endpoint
/// at <see cref="StateUri"/> that records every call and answers with <c>stateValues</c> (the values a
/// provider-state generator such as <c>${id}</c> draws from).
/// </summary>
public sealed class TestProvider : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<JsonObject> stateCalls;

    private TestProvider(WebApplication app, Uri uri, List<JsonObject> stateCalls)
    {
        this.app = app;
        this.stateCalls = stateCalls;
        Uri = uri;
    }

    public Uri Uri { get; }

    public Uri StateUri => new(Uri, "/provider-states");

    /// <summary>Every provider-state call received (<c>{"action", "state", "params"}</c>).</summary>
    public IReadOnlyList<JsonObject> StateCalls
    {
        get
        {
            lock (stateCalls)
            {
                return [.. stateCalls];
            }
        }
    }

    public static async Task<TestProvider> StartAsync(Action<WebApplication> map, Func<JsonObject, JsonObject>? stateValues = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var calls = new List<JsonObject>();
        app.MapPost("/provider-states", async (HttpRequest request) =>
        {
            var call = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            lock (calls)
            {
                calls.Add(call);
            }

            var answer = stateValues?.Invoke(call) ?? [];
            return Results.Text(answer.ToJsonString(), "application/json");
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestProvider(app, new Uri(address), calls);
    }

    /// <summary>Answers <paramref name="body"/> as JSON text, property names exactly as written.</summary>
    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Text(body.ToJsonString(), "application/json", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
