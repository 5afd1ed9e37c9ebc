using System.Globalization;
using System.Text.Json.Nodes;
using ContractHarness.TestSupport;

namespace ContractHarness.WireMock.Tests.Support;

/// <summary>
/// The one table of expected answers both WireMock hosts are checked against, read from the catalog and the
/// fixtures (not from the generator), so a mapping that answers the wrong status or body fails on either host.
/// </summary>
public static class StubAnswers
{
    public static string Contracts => RepoRoot.Combine("contracts");

    /// <summary>Every case, as xUnit theory data.</summary>
    public static TheoryData<StubCase> All()
    {
        var data = new TheoryData<StubCase>();
        foreach (var endpoint in JsonNode.Parse(File.ReadAllText(Path.Combine(Contracts, "endpoints.json")))!["endpoints"]!.AsArray())
        {
            foreach (var c in For(endpoint!))
            {
                data.Add(c);
            }
        }

        return data;
    }

    private static IEnumerable<StubCase> For(JsonNode endpoint)
    {
        var resource = endpoint["resource"]!.GetValue<string>();
        var method = endpoint["method"]!.GetValue<string>();
        var id = endpoint["fixtureId"]!.GetValue<int>();
        var fixture = File.ReadAllText(Path.Combine(Contracts, endpoint["fixture"]!.GetValue<string>()));
        var stamp = DateTime.Parse(JsonNode.Parse(fixture)![endpoint["lastUpdateField"]!.GetValue<string>()]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var isPatch = endpoint["requestBody"]!["kind"]!.GetValue<string>() == "patch";
        var sample = $"/api/v1/{resource}/{id}";
        var other = $"/api/v1/{resource}/{id + 1}";
        var body = isPatch ? """[{"op": "replace", "path": "/Description", "value": "x"}]""" : fixture;
        var yearBefore = stamp.AddYears(-1);

        yield return new(resource, "GET sample", "GET", sample, 200) { Fixture = fixture };
        yield return new(resource, "GET other id", "GET", other, 404) { ErrorType = "SoNotFoundException" };
        yield return new(resource, $"{method} sample", method, sample, 200) { Body = body, Fixture = fixture };
        yield return new(resource, $"{method} other id", method, other, 404) { Body = body, ErrorType = "SoNotFoundException" };
        yield return new(resource, $"{method} text/plain", method, sample, 415) { Body = body, ContentType = "text/plain", ErrorType = "UnsupportedMediaTypeException" };
        yield return new(resource, $"{method} without Content-Type", method, sample, 200) { Body = body, ContentType = null, Fixture = fixture };
        yield return new(resource, $"{method} If-Unmodified-Since a year before", method, sample, 412)
        {
            Body = body, IfUnmodifiedSince = yearBefore.ToString("r", CultureInfo.InvariantCulture), ErrorType = "SoPreconditionFailedException",
        };
        yield return new(resource, $"{method} If-Unmodified-Since a year before, asctime", method, sample, 412)
        {
            Body = body, IfUnmodifiedSince = yearBefore.ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture), ErrorType = "SoPreconditionFailedException",
        };
        yield return new(resource, $"{method} If-Unmodified-Since the stamp's second", method, sample, 200)
        {
            Body = body, IfUnmodifiedSince = stamp.ToString("r", CultureInfo.InvariantCulture), Fixture = fixture,
        };
        if (isPatch)
        {
            yield return new(resource, $"{method} move", method, sample, 400)
            {
                Body = """[{"op": "move", "from": "/Description", "path": "/Name"}]""", ErrorType = "ArgumentException",
            };
            var field = endpoint["lastUpdateField"]!.GetValue<string>();
            var written = JsonNode.Parse(fixture)![field]!.GetValue<string>();
            yield return new(resource, $"{method} failing test of {field}", method, sample, 409)
            {
                Body = $$"""[{"op": "test", "path": "/{{field}}", "value": "1999-01-01T00:00:00"}, {"op": "replace", "path": "/Description", "value": "x"}]""",
                ErrorType = "SoConflictException",
            };
            yield return new(resource, $"{method} failing test, value first", method, sample, 409)
            {
                Body = $$"""[{"value":"{{written}}0","path":"{{field.ToLowerInvariant()}}","op":"test"}]""", ErrorType = "SoConflictException",
            };
            yield return new(resource, $"{method} passing test of {field}", method, sample, 200)
            {
                Body = $$"""[{"op": "test", "path": "{{field.ToLowerInvariant()}}", "value": "{{written}}"}]""", Fixture = fixture,
            };
            yield return new(resource, $"{method} test of another property", method, sample, 200)
            {
                Body = """[{"op": "test", "path": "/Description", "value": "anything"}]""", Fixture = fixture,
            };
            yield return new(resource, $"{method} copy, other id", method, other, 400)
            {
                Body = """[{ "op":"copy","from":"/Name","path":"/Description" }]""", ErrorType = "ArgumentException",
            };
        }
    }
}

/// <summary>A request and the answer expected: the fixture's body, or an error body of <see cref="ErrorType"/>.</summary>
public sealed record StubCase(string Resource, string Name, string Method, string Path, int Status)
{
    public string? Body { get; init; }
    /// <summary>The request's Content-Type; null sends the body without one.</summary>
    public string? ContentType { get; init; } = "application/json";
    public string? IfUnmodifiedSince { get; init; }
    public string? Fixture { get; init; }
    public string? ErrorType { get; init; }

    public override string ToString() => $"{Resource}: {Name} -> {Status}";
}
