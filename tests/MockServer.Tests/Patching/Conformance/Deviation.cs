using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Tests.Patching.Conformance;

/// <summary>
/// What we expect from a vector instead of its published outcome, and why.
/// <paramref name="Describes"/> must equal the vector's comment (or compact patch text when it has none), so the
/// table cannot silently point at a different vector. Exactly one of <paramref name="ExpectedDocument"/> and
/// <paramref name="ExpectedError"/> is set.
/// </summary>
internal sealed record Deviation(string Describes, string Reason, string? ExpectedDocument = null, JsonPatchErrorKind? ExpectedError = null);
