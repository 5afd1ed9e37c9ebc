using System.Net;
using System.Text.Json.Nodes;

namespace ContractHarness.MockServer.Tests.Support;

/// <summary>Reading JSON answers and asserting the error shape.</summary>
public static class Json
{
    public static async Task<JsonObject> ObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts the status, the real server's error shape with application/json, and returns the message.</summary>
    public static async Task<string> ShouldBeErrorAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = JsonNode.Parse(text)!.AsObject();
        body["Error"]!.GetValue<bool>().Should().BeTrue();
        body["ErrorType"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        body["ErrorSource"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        response.ReasonPhrase.Should().NotBeNullOrWhiteSpace();
        return body["ErrorMessage"]!.GetValue<string>();
    }

    /// <summary>Asserts that the text validates against the named schema with the reference validator.</summary>
    public static void ShouldMatchSchema(string json, string schema)
    {
        var errors = TestPaths.Schemas.Validate(schema, json);
        errors.Should().BeEmpty("the body must validate against {0}.schema.json: {1}", schema, string.Join("; ", errors.Select(e => e.Message)));
    }
}
