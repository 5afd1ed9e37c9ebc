using System.Net;
using System.Text;
using ContractHarness.Pact.Matchers;
using ContractHarness.Pact.Schema;

namespace ContractHarness.Pact.Tests.Support;

/// <summary>The interaction most tests use: PATCH Contact/66 with a JSON Patch body, as the real API takes it.</summary>
public static class ContactPact
{
    public const string Description = "a request to change the department of contact 66";
    public const string PatchBody = """[{"op":"replace","path":"/Department","value":"Sales"}]""";
    public const string PatchContentType = "application/json-patch+json";

    public static IPactBuilderV4 NewPact(string pactDir, IPactOutput? output = null) =>
        Pact.V4("SuperOfficeWebClient", "SuperOfficeWebApi", new PactConfig
        {
            PactDir = pactDir,
            Outputters = output is null ? [] : [output],
        }).WithHttpInteractions();

    public static IPactBuilderV4 WithPatchInteraction(this IPactBuilderV4 pact, string description = Description)
    {
        pact.UponReceiving(description)
            .Given("Contact 66 exists", new Dictionary<string, string> { ["id"] = "66" })
            .WithRequest(HttpMethod.Patch, Match.FromProviderState("/api/v1/Contact/${id}", "/api/v1/Contact/66"))
            .WithHeader("Authorization", Match.Regex("Bearer test-token", "^Bearer .+$"))
            .WithJsonBody(new[] { new { op = "replace", path = "/Department", value = "Sales" } }, PatchContentType)
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithHeader("Content-Type", "application/json")
            .WithJsonBody(new
            {
                ContactId = Match.Integer(66),
                Name = Match.Type("SuperOffice ASA"),
                Department = "Sales",
                UpdatedDate = Match.Regex("2026-11-22T10:00:00", SchemaMatchers.IsoDateTimeRegex),
                Emails = Match.EachLike(new { Value = Match.Type("post@superoffice.com") }),
            });
        return pact;
    }

    /// <summary>Sends the PATCH the interaction promises (or, with <paramref name="op"/>, a different one).</summary>
    public static async Task<HttpResponseMessage> SendPatchAsync(Uri baseUri, string op = "replace", string token = "Bearer test-token", string path = "/api/v1/Contact/66")
    {
        using var client = new HttpClient { BaseAddress = baseUri };
        using var request = new HttpRequestMessage(HttpMethod.Patch, path)
        {
            Content = new StringContent(PatchBody.Replace("\"replace\"", $"\"{op}\"", StringComparison.Ordinal), Encoding.UTF8, PatchContentType),
        };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        return await client.SendAsync(request);
    }
}
