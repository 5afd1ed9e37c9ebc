namespace ContractHarness.MockServer.Patching;

/// <summary>
/// The single error raised by the patch engine. <see cref="ErrorKind"/> says why; the mock server maps
/// <see cref="JsonPatchErrorKind.TestFailed"/> to 409 Conflict and every other kind to 400 Bad Request.
/// </summary>
internal sealed class JsonPatchException : Exception
{
    /// <summary>Creates an exception for a failure in a given operation of a patch document.</summary>
    /// <param name="errorKind">Why the patch failed.</param>
    /// <param name="detail">What went wrong, without the operation prefix.</param>
    /// <param name="operationIndex">Zero-based index of the failing operation, when known.</param>
    /// <param name="op">The operation name as written in the patch, when known.</param>
    /// <param name="path">The normalised path of the failing operation, when known.</param>
    public JsonPatchException(JsonPatchErrorKind errorKind, string detail, int? operationIndex = null, string? op = null, string? path = null)
        : base(FormatMessage(detail, operationIndex, op, path))
    {
        ErrorKind = errorKind;
        Detail = detail;
        OperationIndex = operationIndex;
        Op = op;
        Path = path;
    }

    /// <summary>Why the patch failed.</summary>
    public JsonPatchErrorKind ErrorKind { get; }

    /// <summary>What went wrong, without the "Operation N (op path)" prefix of <see cref="Exception.Message"/>.</summary>
    public string Detail { get; }

    /// <summary>Zero-based index of the failing operation in the patch document, or null when the whole document is at fault.</summary>
    public int? OperationIndex { get; }

    /// <summary>The operation name of the failing operation (lower case when recognised), or null when unknown.</summary>
    public string? Op { get; }

    /// <summary>The normalised path (with leading slash) of the failing operation, or null when unknown.</summary>
    public string? Path { get; }

    private static string FormatMessage(string detail, int? operationIndex, string? op, string? path)
    {
        if (operationIndex is not int index)
        {
            return detail;
        }

        if (op is null && path is null)
        {
            return $"Operation {index}: {detail}";
        }

        var shownPath = path is { Length: 0 } ? "\"\"" : path;
        var target = shownPath is null ? op : op is null ? shownPath : $"{op} {shownPath}";
        return $"Operation {index} ({target}): {detail}";
    }
}
