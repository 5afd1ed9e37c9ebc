using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractHarness.Pact.Tests.Support;

/// <summary>
/// Just enough of a Pact Broker's HAL API for the verifier's broker source (index, pacts for verification, the pact,
/// verification results) and the CLI's publish and can-i-deploy. Every request is recorded.
/// </summary>
public sealed class FakePactBroker : IAsyncDisposable
{
    private readonly List<RecordedRequest> requests = [];
    private TestProvider? host;

    private FakePactBroker(string pactJson, bool deployable)
    {
        PactJson = pactJson;
        Deployable = deployable;
    }

    public string PactJson { get; }

    public bool Deployable { get; }

    public Uri Uri => host!.Uri;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<FakePactBroker> StartAsync(string pactJson, bool deployable = true)
    {
        var broker = new FakePactBroker(pactJson, deployable);
        broker.host = await TestProvider.StartAsync(app => app.Run(broker.HandleAsync));
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = context.Request;
        lock (requests)
        {
            requests.Add(new RecordedRequest(request.Method, request.Path + request.QueryString, request.Headers.Authorization.ToString(), body));
        }

        var pactUrl = Link("/pacts/provider/P/consumer/C/pact-version/1");
        JsonNode? answer = (request.Method, request.Path.Value) switch
        {
            ("GET", "/") => new JsonObject
            {
                ["_links"] = new JsonObject
                {
                    ["pb:provider-pacts-for-verification"] = new JsonObject { ["href"] = Link("/pacts/provider/{provider}/for-verification"), ["templated"] = true },
                    ["pb:publish-contracts"] = new JsonObject { ["href"] = Link("/contracts/publish") },
                },
            },
            ("GET", "/pacts/provider/P/for-verification") => new JsonObject
            {
                ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = Link("/pacts/provider/P/for-verification") } },
            },
            ("POST", "/pacts/provider/P/for-verification") => new JsonObject
            {
                ["_embedded"] = new JsonObject
                {
                    ["pacts"] = new JsonArray(new JsonObject
                    {
                        ["shortDescription"] = "latest from main",
                        ["verificationProperties"] = new JsonObject { ["pending"] = false, ["notices"] = new JsonArray() },
                        ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = pactUrl, ["name"] = "Pact between C and P" } },
                    }),
                },
            },
            ("GET", "/pacts/provider/P/consumer/C/pact-version/1") => WithPublishLink(JsonNode.Parse(PactJson)!.AsObject()),
            ("POST", "/pacts/provider/P/consumer/C/pact-version/1/verification-results") => new JsonObject { ["success"] = true },
            ("GET", "/pacticipants/P") => new JsonObject
            {
                ["name"] = "P",
                ["_links"] = new JsonObject { ["pb:branch-version"] = new JsonObject { ["href"] = Link("/pacticipants/P/branches/{branch}/versions/{version}"), ["templated"] = true } },
            },
            ("PUT", var p) when p!.StartsWith("/pacticipants/P/branches/", StringComparison.Ordinal) => new JsonObject(),
            ("POST", "/contracts/publish") => new JsonObject { ["notices"] = new JsonArray(new JsonObject { ["type"] = "success", ["text"] = "published" }), ["_links"] = new JsonObject { ["pb:pacticipant"] = new JsonObject { ["href"] = Link("/pacticipants/C"), ["name"] = "C", ["title"] = "C" }, ["pb:pacticipant-version"] = new JsonObject { ["href"] = Link("/pacticipants/C/versions/1.0.0"), ["name"] = "1.0.0" }, ["pb:contracts"] = new JsonArray() } },
            ("GET", "/matrix") => new JsonObject
            {
                ["summary"] = new JsonObject { ["deployable"] = Deployable, ["reason"] = Deployable ? "All verified" : "Verification failed", ["success"] = Deployable ? 1 : 0, ["failed"] = Deployable ? 0 : 1, ["unknown"] = 0 },
                ["matrix"] = new JsonArray(),
                ["notices"] = new JsonArray(),
            },
            _ => null,
        };

        if (answer is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.StatusCode = request.Method == "POST" && request.Path.Value!.EndsWith("verification-results", StringComparison.Ordinal) ? 201 : 200;
        context.Response.ContentType = "application/hal+json";
        await context.Response.WriteAsync(answer.ToJsonString());

        string Link(string path) => new Uri(Uri, path).ToString().Replace("%7B", "{", StringComparison.Ordinal).Replace("%7D", "}", StringComparison.Ordinal);

        JsonObject WithPublishLink(JsonObject pact)
        {
            pact["_links"] = new JsonObject
            {
                ["pb:publish-verification-results"] = new JsonObject { ["href"] = pactUrl + "/verification-results" },
                ["pb:provider"] = new JsonObject { ["href"] = Link("/pacticipants/P") },
            };
            return pact;
        }
    }

    public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Body);
}
