using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractHarness.WireMock.Tests.Support;

/// <summary>Sends a <see cref="StubCase"/> to a running WireMock host and checks the answer against the table.</summary>
internal static class StubChecks
{
    public static async Task AnswersAsExpected(HttpClient http, StubCase c)
    {
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(c.Body));
            request.Content.Headers.ContentType = c.ContentType is null ? null : MediaTypeHeaderValue.Parse(c.ContentType);
        }

        if (c.IfUnmodifiedSince is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Unmodified-Since", c.IfUnmodifiedSince).Should().BeTrue();
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(c.Status, $"{c} answered {text}");
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        var body = JsonNode.Parse(text);
        if (c.Fixture is not null)
        {
            JsonNode.DeepEquals(body, JsonNode.Parse(c.Fixture)).Should().BeTrue($"{c} answers the sample entity, as in its fixture");
        }
        else
        {
            body!["Error"]!.GetValue<bool>().Should().BeTrue();
            body["ErrorType"]!.GetValue<string>().Should().Be(c.ErrorType);
            body["ErrorMessage"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
            body["ErrorSource"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        }
    }
}
