using System.Text.Json;

namespace ContractHarness.Pact.Schema;

/// <summary>Settings of <see cref="SchemaMatchers"/>.</summary>
public sealed class SchemaMatcherOptions
{
    /// <summary>
    /// Fields to pin instead of matching by type, by path from the root: <c>Department</c>, <c>UpdatedBy.Name</c>,
    /// <c>Emails[*].Value</c> (every element), <c>CustomFields.*</c> (every map value); a leading <c>$.</c> is allowed.
    /// A <see cref="Matchers.Matcher"/> is used as given; any other value (including null) becomes an
    /// <c>equality</c> matcher on that value, so it is checked exactly even inside a type-matched array or map.
    /// </summary>
    public IDictionary<string, object?> Overrides { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>
    /// Leave object properties whose example is null out of the body, so the pact states no expectation for them
    /// (a provider may answer null or a value). Default false: a null example is expected to stay null.
    /// Use it when the example's nulls mean "unknown here", as with sample entities whose carriers are null but are
    /// filled on a real tenant. Pinned overrides are kept either way.
    /// </summary>
    public bool OmitNullProperties { get; init; }

    /// <summary>
    /// Property names left out of the body wherever they occur, for data the consumer does not rely on and a provider
    /// may fill differently per user or tenant (for example the access-rights metadata <c>TableRight</c> and
    /// <c>FieldProperties</c>). Pinned overrides are kept either way.
    /// </summary>
    public ISet<string> IgnoredProperties { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The regex used for <c>format: date-time</c> strings. Default: <see cref="SchemaMatchers.IsoDateTimeRegex"/>.</summary>
    public string DateTimeRegex { get; init; } = SchemaMatchers.IsoDateTimeRegex;

    /// <summary>Serialiser settings for override values. Default: System.Text.Json defaults.</summary>
    public JsonSerializerOptions? JsonOptions { get; init; }
}
