using System.Text.RegularExpressions;
using ContractHarness.MockServer;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ContractHarness.WireMock;

/// <summary>
/// The contract's mappings on a WireMock.Net server. Every one is answered by the mock's in-memory engine, so the
/// behaviour (preconditions, patches, errors, CORS) is the Kestrel mock's, not a second implementation.
/// </summary>
internal static class ContractMappings
{
    // The engine's own spelling of the provider-state route; this host exposes it under ProviderStatesPath.
    private const string EngineStatesPath = "/__admin/provider-states";

    // Likewise the fault rules, exposed under FaultsPath.
    private const string EngineFaultsPath = "/__admin/faults";

    // And the sessions and the coverage, exposed under SessionsPath and CoveragePath.
    private const string EngineSessionsPath = "/__admin/sessions";

    private const string EngineCoveragePath = "/__admin/coverage";

    // Set by the host that carries the answer, not by the engine (Kestrel frames the body itself).
    private static readonly HashSet<string> HostHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding" };

    public static SuperOfficeContract Add(WireMockServer server, SuperOfficeContractOptions options, bool ownsServer)
    {
        var url = server.Url ?? throw new InvalidOperationException("The WireMock server has no URL: start it before adding the contract.");
        if (options.MaxRequestLogCount is { } bound)
        {
            server.SetMaxRequestLogCount(bound);
        }

        var engine = SuperOfficeMockEngine.Start(new Uri(url.TrimEnd('/') + "/"), options.Mock);
        var mappings = new List<Guid>();
        IRespondWithAProvider Given(IRequestBuilder request, int priority, string title)
        {
            var guid = Guid.NewGuid();
            mappings.Add(guid);
            return server.Given(request).WithGuid(guid).AtPriority(priority).WithTitle("SuperOffice contract: " + title);
        }

        foreach (var (route, allow) in engine.Routes)
        {
            var path = new RegexMatcher("^" + Regex.Escape(route[..route.IndexOf('{', StringComparison.Ordinal)]) + "[^/]+$");
            foreach (var method in allow.Split(", ").Append("OPTIONS"))
            {
                Given(Request.Create().WithPath(path).UsingMethod(method), options.Priority, $"{method} {route}")
                    .RespondWith(Response.Create().WithCallback(request => AnswerAsync(engine, request, PathAndQuery(request))));
            }

            // Any other method: the mock's 405 with its Allow header, rather than WireMock's "no mapping found".
            Given(Request.Create().WithPath(path).UsingAnyMethod(), options.Priority + 1, $"other methods of {route}")
                .RespondWith(Response.Create().WithCallback(request => AnswerAsync(engine, request, PathAndQuery(request))));
        }

        Given(Request.Create().WithPath(options.ProviderStatesPath).UsingAnyMethod(), options.Priority, "provider states")
            .RespondWith(Response.Create().WithCallback(request => AnswerAsync(engine, request, EngineStatesPath)));
        var faults = options.FaultsPath.TrimEnd('/');
        Given(Request.Create().WithPath(new RegexMatcher("^" + Regex.Escape(faults) + "(/[^/]+)?/?$")).UsingAnyMethod(), options.Priority, "fault rules")
            .RespondWith(Response.Create().WithCallback(request => AnswerAsync(engine, request, EngineFaultsPath + new Uri(request.Url).AbsolutePath[faults.Length..], (EngineFaultsPath, faults))));
        var sessions = options.SessionsPath.TrimEnd('/');
        Given(Request.Create().WithPath(new RegexMatcher("^" + Regex.Escape(sessions) + "(/[^/]+)?/?$")).UsingAnyMethod(), options.Priority, "sessions")
            .RespondWith(Response.Create().WithCallback(request => AnswerAsync(engine, request, EngineSessionsPath + new Uri(request.Url).AbsolutePath[sessions.Length..])));
        Given(Request.Create().WithPath(options.CoveragePath).UsingAnyMethod(), options.Priority, "coverage")
            .RespondWith(Response.Create().WithCallback(request => AnswerAsync(engine, request, EngineCoveragePath)));
        return new SuperOfficeContract(server, engine, mappings, ownsServer);
    }

    private static string PathAndQuery(IRequestMessage request) => new Uri(request.Url).PathAndQuery;

    // moved: an admin path this host serves elsewhere; a Location under it is rewritten to where it is served.
    private static async Task<IResponseMessage> AnswerAsync(SuperOfficeMockEngine engine, IRequestMessage request, string pathAndQuery, (string Engine, string Host)? moved = null)
    {
        var headers = request.Headers?.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var answer = await engine.HandleAsync(new MockRequest(request.Method, pathAndQuery, headers, request.BodyData?.BodyAsBytes));
        if (answer.Aborted)
        {
            // A fault rule's abort: a callback cannot reset WireMock.Net's connection. Its EMPTY_RESPONSE fault (a 200
            // with no body) is the nearest; MALFORMED_RESPONSE_CHUNK would send garbage bytes after a 200 status line.
            return new ResponseMessage { FaultType = FaultType.EMPTY_RESPONSE };
        }

        var answerHeaders = answer.Headers.Where(h => !HostHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => new WireMockList<string>(h.Value));
        if (moved is var (enginePath, hostPath) && answer.Headers.TryGetValue("Location", out var location) && location.StartsWith(enginePath, StringComparison.Ordinal))
        {
            answerHeaders["Location"] = new WireMockList<string>(hostPath + location[enginePath.Length..]);
        }

        return new ResponseMessage
        {
            StatusCode = answer.StatusCode,
            Headers = answerHeaders,
            BodyData = answer.Body.Length == 0 ? null : new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = answer.Body },
        };
    }
}
