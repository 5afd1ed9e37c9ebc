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
        return new SuperOfficeContract(server, engine, mappings, ownsServer);
    }

    private static string PathAndQuery(IRequestMessage request) => new Uri(request.Url).PathAndQuery;

    private static async Task<IResponseMessage> AnswerAsync(SuperOfficeMockEngine engine, IRequestMessage request, string pathAndQuery)
    {
        var headers = request.Headers?.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var answer = await engine.HandleAsync(new MockRequest(request.Method, pathAndQuery, headers, request.BodyData?.BodyAsBytes));
        if (answer.Aborted)
        {
            // A fault rule's abort: a callback cannot reset WireMock.Net's connection, so this is its nearest fault.
            return new ResponseMessage { FaultType = FaultType.EMPTY_RESPONSE };
        }

        return new ResponseMessage
        {
            StatusCode = answer.StatusCode,
            Headers = answer.Headers.Where(h => !HostHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => new WireMockList<string>(h.Value)),
            BodyData = answer.Body.Length == 0 ? null : new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = answer.Body },
        };
    }
}
