using ContractHarness.Contracts.Validation;

namespace ContractHarness.MockServer.Model;

/// <summary>
/// A client-facing failure: the status, the reason phrase of the status line and the error body's type and
/// message. Thrown anywhere in request handling and written by <c>Http.RequestPipeline</c>; nothing is stored
/// when it is thrown during an update.
/// </summary>
internal sealed class MockHttpException(int status, string reason, string errorType, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The reason phrase, e.g. <c>Contact Not Found</c> (the status line reads <c>404 Contact Not Found</c>).</summary>
    public string Reason { get; } = reason;

    /// <summary>The error body's <c>ErrorType</c>, e.g. <c>SoNotFoundException</c>.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>Extra response headers (<c>Allow</c> on 405, <c>WWW-Authenticate</c> on 401).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The same refusal with one more header.</summary>
    public MockHttpException WithHeader(string name, string value) =>
        new(Status, Reason, ErrorType, Message) { Headers = [.. Headers, new(name, value)] };

    /// <summary>
    /// Every schema error of a refused update, in the order the validator found them (null for other refusals): the
    /// message names the first few, the journal keeps them all.
    /// </summary>
    public IReadOnlyList<SchemaError>? Errors { get; init; }
}
