using System.Globalization;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Proxy;

/// <summary>The answers of a proxy whose tenant did not answer: 502 when it could not be reached, 504 when it was too slow.</summary>
internal static class TenantErrors
{
    public static MockHttpException Unreachable(string tenant, HttpRequest request, string cause) =>
        new(StatusCodes.Status502BadGateway, "Bad Gateway", "TenantUnreachable",
            $"The tenant {tenant} gave no answer to {request.Method} {request.Path}{request.QueryString}: {cause}.");

    public static MockHttpException Timeout(string tenant, HttpRequest request, TimeSpan timeout) =>
        new(StatusCodes.Status504GatewayTimeout, "Gateway Timeout", "TenantTimeout",
            $"The tenant {tenant} did not answer {request.Method} {request.Path}{request.QueryString} within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (--proxy-timeout).");
}
