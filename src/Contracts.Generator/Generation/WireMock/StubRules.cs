using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractHarness.Contracts.Catalog;

namespace ContractHarness.Contracts.Generator.WireMock;

/// <summary>
/// The rule set both WireMock formats are written from: per operation, the sample entity by id, 404 for any other
/// id, and the documented refusals a request's shape alone decides (415, 400 for <c>move</c>/<c>copy</c>, 412 for
/// an <c>If-Unmodified-Since</c> in an earlier year). Static stubs keep no state, so an update answers the sample
/// unchanged; see the README this folder is written with.
/// </summary>
internal static class StubRules
{
    /// <summary>The <c>ErrorSource</c> of every error body the stubs answer.</summary>
    public const string ErrorSource = "ContractHarness.WireMockStubs";

    /// <summary>
    /// A Content-Type that is not blank and names no JSON type (<c>application/json</c>, <c>text/json</c>, <c>+json</c>).
    /// A positive pattern, not a negated one: Java's <c>doesNotMatch</c> also matches a missing header, which the mock
    /// accepts (a body without Content-Type is read as JSON), while a <c>matches</c> rule needs the header in both servers.
    /// </summary>
    public const string NotJsonContentType = @"(?i)^(?!.*json).*\S.*$";

    /// <summary>A JSON Patch operation <c>move</c> or <c>copy</c> anywhere in the body text.</summary>
    public const string MoveOrCopy = "(?s).*\"op\"\\s*:\\s*\"(move|copy)\".*";

    /// <summary>The rules of <paramref name="endpoint"/>, whose sample entity is <paramref name="fixture"/>, most specific first.</summary>
    public static IEnumerable<StubRule> For(EndpointDefinition endpoint, JsonNode fixture)
    {
        var resource = endpoint.Resource;
        var sample = endpoint.Route.Replace("{id}", endpoint.FixtureId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var anyId = "^" + endpoint.Route.Replace("{id}", "[^/]+", StringComparison.Ordinal) + "$";
        var update = endpoint.Method;
        var stamp = fixture[endpoint.LastUpdateField]?.GetValue<string>()
            ?? throw new InvalidDataException($"{endpoint.Fixture}: no {endpoint.LastUpdateField} for the 412 rule.");
        var year = int.Parse(stamp[..4], CultureInfo.InvariantCulture);

        yield return new StubRule
        {
            Name = "unsupported-media-type", Resource = resource, Priority = 1, Method = update, Path = anyId, PathIsPattern = true,
            Header = new HeaderCondition("Content-Type", NotJsonContentType), Status = 415,
            Body = Error("UnsupportedMediaTypeException", "Content-Type is not JSON; send application/json, application/json-patch+json, application/merge-patch+json or text/json."),
            When = $"{update} of any id with a Content-Type that names no JSON type (none at all is read as JSON)",
        };
        if (endpoint.RequestBody.Kind == RequestBodyKind.Patch)
        {
            yield return new StubRule
            {
                Name = "move-or-copy", Resource = resource, Priority = 2, Method = update, Path = anyId, PathIsPattern = true,
                BodyPattern = MoveOrCopy, Status = 400,
                Body = Error("ArgumentException", "JSON Patch operations 'move' and 'copy' are not supported."),
                When = $"{update} of any id whose body holds an operation `\"op\": \"move\"` or `\"copy\"`",
            };
        }

        yield return new StubRule
        {
            Name = "precondition-failed", Resource = resource, Priority = 3, Method = update, Path = sample,
            Header = new HeaderCondition("If-Unmodified-Since", YearPattern.HttpDateBefore(year)), Status = 412,
            Body = Error("SoPreconditionFailedException", $"{resource} {endpoint.FixtureId} has changed since If-Unmodified-Since (its {endpoint.LastUpdateField} is {stamp})."),
            When = $"{update} of {endpoint.FixtureId} with an `If-Unmodified-Since` in a year before {year} (the sample's {endpoint.LastUpdateField} is {stamp})",
        };
        if (endpoint.RequestBody.Kind == RequestBodyKind.Patch)
        {
            yield return new StubRule
            {
                Name = "test-failed", Resource = resource, Priority = 4, Method = update, Path = sample,
                BodyPattern = FailingStampTest(endpoint.LastUpdateField, stamp), Status = 409,
                Body = Error("SoConflictException", $"A 'test' operation failed: {endpoint.LastUpdateField} of {resource} {endpoint.FixtureId} is {stamp}."),
                When = $"{update} of {endpoint.FixtureId} with a `test` of `{endpoint.LastUpdateField}` whose value is not `\"{stamp}\"` as written",
            };
        }

        yield return new StubRule
        {
            Name = "update-sample", Resource = resource, Priority = 5, Method = update, Path = sample, Status = 200, Body = fixture.DeepClone(),
            When = $"{update} of {endpoint.FixtureId}: the sample {endpoint.Entity}, unchanged (no state)",
        };
        yield return new StubRule
        {
            Name = "get-sample", Resource = resource, Priority = 5, Method = "GET", Path = sample, Status = 200, Body = fixture.DeepClone(),
            When = $"GET of {endpoint.FixtureId}: the sample {endpoint.Entity}",
        };
        foreach (var method in new[] { "GET", update })
        {
            yield return new StubRule
            {
                Name = $"{method.ToLowerInvariant()}-not-found", Resource = resource, Priority = 9, Method = method, Path = anyId, PathIsPattern = true, Status = 404,
                Body = Error("SoNotFoundException", $"{resource} not found: the stubs hold only the sample, {resource} {endpoint.FixtureId}."),
                When = $"{method} of any other id",
            };
        }
    }

    /// <summary>
    /// A body holding one operation object (no braces inside: a string value) that is a <c>test</c> of
    /// <paramref name="field"/> (any case, optional leading slash) whose value is not <paramref name="stamp"/> as written.
    /// Keys may come in any order; lookaheads read the same in Java and .NET.
    /// </summary>
    public static string FailingStampTest(string field, string stamp) =>
        $@"(?s)^.*\{{(?=[^{{}}]*""op""\s*:\s*""test"")(?=[^{{}}]*""path""\s*:\s*""/?(?i:{field})"")"
        + $@"(?![^{{}}]*""value""\s*:\s*""{Regex.Escape(stamp)}"")[^{{}}]*\}}.*$";

    private static JsonObject Error(string type, string message) => new()
    {
        ["Error"] = true,
        ["ErrorType"] = type,
        ["ErrorMessage"] = message,
        ["ErrorSource"] = ErrorSource,
    };
}
