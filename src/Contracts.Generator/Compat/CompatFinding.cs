namespace ContractHarness.Contracts.Generator.Compat;

/// <summary>
/// One change <c>make compat</c> found: the rule, where (<c>PATCH /api/v1/Contact/{id} 412</c>,
/// <c>ContactEntity.Department</c>, <c>Associate.Type</c>), what changed, and the operations whose requests or answers
/// reach that place.
/// </summary>
internal sealed class CompatFinding(CompatRule rule, string location, string message)
{
    public CompatRule Rule { get; } = rule;

    public string Location { get; } = location;

    public string Message { get; } = message;

    public bool Breaking => Rule.Breaking;

    public SortedSet<string> Operations { get; } = new(StringComparer.Ordinal);

    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Which way a schema's values travel, which decides what breaks a consumer.</summary>
internal enum Direction
{
    /// <summary>The consumer sends it: the provider may not start refusing what it sent.</summary>
    Request,

    /// <summary>The consumer reads it: the provider may not start answering what it cannot read.</summary>
    Response,

    /// <summary>
    /// The entity a PATCH answers with: the patch's values are checked against it, so its values are request values,
    /// but a patch sends only what changes, so <c>required</c> does not apply.
    /// </summary>
    PatchTarget,
}
