namespace ContractHarness.MockServer.Patching;

/// <summary>The JSON Patch operations this engine applies (RFC 6902 section 4).</summary>
internal enum PatchOperationType
{
    /// <summary><c>add</c>: create or replace an object member, insert into an array, or replace the document.</summary>
    Add,

    /// <summary><c>remove</c>: delete an existing object member or array element.</summary>
    Remove,

    /// <summary><c>replace</c>: overwrite an existing value.</summary>
    Replace,

    /// <summary><c>test</c>: require the value at a location to equal a given value.</summary>
    Test,
}
