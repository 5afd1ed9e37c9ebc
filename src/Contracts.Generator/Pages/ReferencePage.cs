using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.Pages;

/// <summary>One reference page of the Web API, read into its parts. Line numbers are one-based.</summary>
internal sealed record ReferencePage(
    string FileName,
    string Title,
    string Id,
    string Method,
    string Route,
    string Summary,
    IReadOnlyList<ParameterRow> PathParameters,
    IReadOnlyList<ParameterRow> QueryParameters,
    IReadOnlyList<HeaderRow> RequestHeaders,
    RequestBodySection RequestBody,
    IReadOnlyList<ResponseRow> Responses,
    string ResponseCarrier,
    IReadOnlyList<PropertyRow> ResponseProperties,
    HttpSample? SampleRequest,
    HttpSample? SampleResponse);

/// <summary>A row of a path-part or query-string table.</summary>
internal sealed record ParameterRow(string Name, string Type, string Description, bool Required);

/// <summary>A row of the request-headers table.</summary>
internal sealed record HeaderRow(string Name, string Description);

/// <summary>A row of an entity table: a property, its documented type cell (possibly blank) and description.</summary>
internal sealed record PropertyRow(string Name, string Type, string Description, int Line);

/// <summary>A documented status code.</summary>
internal sealed record ResponseRow(int Status, string Description);

/// <summary>The "Request Body" section: its name (<c>changes</c>, <c>entity</c>), description and table.</summary>
internal sealed record RequestBodySection(string Name, string Description, IReadOnlyList<PropertyRow> Properties)
{
    /// <summary>True when the table describes JSON Patch operations (op, path, value) rather than an entity.</summary>
    public bool IsPatchDocument =>
        Properties.Count > 0 &&
        Properties.All(p => p.Name is "op" or "path" or "value" or "from");
}

/// <summary>A sample HTTP message from a page: the start line, headers and JSON body.</summary>
internal sealed record HttpSample(string StartLine, IReadOnlyList<KeyValuePair<string, string>> Headers, JsonNode? Body, int Line)
{
    /// <summary>For a response sample, the status code of the start line.</summary>
    public int? Status => StartLine.StartsWith("HTTP/", StringComparison.Ordinal) &&
        StartLine.Split(' ', 3) is [_, var code, ..] && int.TryParse(code, out var s) ? s : null;

    /// <summary>For a response sample, the reason phrase of the start line.</summary>
    public string? ReasonPhrase => StartLine.Split(' ', 3) is [_, _, var reason] ? reason.Trim() : null;
}
