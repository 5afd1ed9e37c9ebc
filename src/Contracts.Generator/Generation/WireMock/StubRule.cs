using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.WireMock;

/// <summary>
/// One static answer, before it is written in either WireMock format: a request shape (method, path, at most one
/// header condition and one body pattern) and the answer. Every pattern is a regular expression that matches the
/// whole value, so the same text means the same thing to Java's <c>matches</c> (whole value) and to WireMock.Net's
/// <c>RegexMatcher</c> (any part).
/// </summary>
internal sealed record StubRule
{
    /// <summary>A short name, unique per resource, e.g. <c>patch-sample</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The resource of the route, e.g. <c>Contact</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>Lower wins, in both formats.</summary>
    public required int Priority { get; init; }

    public required string Method { get; init; }

    /// <summary>The exact path, or a whole-path pattern when <see cref="PathIsPattern"/>.</summary>
    public required string Path { get; init; }

    public bool PathIsPattern { get; init; }

    public HeaderCondition? Header { get; init; }

    /// <summary>A pattern the raw request body must match.</summary>
    public string? BodyPattern { get; init; }

    public required int Status { get; init; }

    public required JsonNode Body { get; init; }

    /// <summary>One line for the README: when this answer is given.</summary>
    public required string When { get; init; }
}

/// <summary>A header that must be present and match <see cref="Pattern"/>.</summary>
internal sealed record HeaderCondition(string Name, string Pattern);
