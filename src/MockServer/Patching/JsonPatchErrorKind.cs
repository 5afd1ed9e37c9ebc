namespace ContractHarness.MockServer.Patching;

/// <summary>Why a JSON Patch could not be parsed or applied.</summary>
internal enum JsonPatchErrorKind
{
    /// <summary>
    /// The patch document is malformed: not an array, an element that is not an object, a missing or
    /// non-string <c>op</c>/<c>path</c>, an unknown op, a missing <c>value</c>, or an invalid pointer syntax.
    /// </summary>
    InvalidDocument,

    /// <summary>The operation is valid JSON Patch but not supported by this engine (<c>move</c>, <c>copy</c>).</summary>
    UnsupportedOperation,

    /// <summary>
    /// The target location (or, for <c>add</c>, its parent) does not exist: missing member, array index out of
    /// range or not a valid index, or a path that walks through a scalar.
    /// </summary>
    PathNotFound,

    /// <summary>A <c>test</c> operation found a value that is not equal to the expected one.</summary>
    TestFailed,
}
