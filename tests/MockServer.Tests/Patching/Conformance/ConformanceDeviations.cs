using ContractHarness.MockServer.Patching;

namespace ContractHarness.MockServer.Tests.Patching.Conformance;

/// <summary>
/// THE table of vectors whose outcome differs from the published one under our documented deviations. It is the
/// only place where expectations differ from the suite, and the conformance test fails when a listed vector
/// turns out to behave as published (the entry is stale) or when an unlisted vector does not.
/// </summary>
internal static class ConformanceDeviations
{
    private const string MoveCopy = "move and copy are not supported: UnsupportedOperation instead of success";

    public static IReadOnlyDictionary<string, Deviation> Table { get; } = new Dictionary<string, Deviation>(StringComparer.Ordinal)
    {
        ["tests.json#48"] = new("null value should be valid obj property to be moved", MoveCopy, ExpectedError: JsonPatchErrorKind.UnsupportedOperation),
        ["tests.json#49"] = new("null value should be valid obj property to be copied", MoveCopy, ExpectedError: JsonPatchErrorKind.UnsupportedOperation),
        ["tests.json#59"] = new("Move to same location has no effect", MoveCopy, ExpectedError: JsonPatchErrorKind.UnsupportedOperation),
        ["tests.json#60"] = new("""[{"op":"move","from":"/foo","path":"/bar"}]""", MoveCopy, ExpectedError: JsonPatchErrorKind.UnsupportedOperation),
        ["tests.json#61"] = new("""[{"op":"move","from":"/baz/0/qux","path":"/baz/1"}]""", MoveCopy, ExpectedError: JsonPatchErrorKind.UnsupportedOperation),
        ["tests.json#62"] = new("""[{"op":"copy","from":"/baz/0","path":"/boo"}]""", MoveCopy, ExpectedError: JsonPatchErrorKind.UnsupportedOperation),
        ["tests.json#86"] = new(
            "Patch with different capitalisation than doc",
            "member names in paths are case-insensitive: add /FOO replaces the existing member foo instead of adding a second one",
            ExpectedDocument: """{"foo":"BAR"}"""),
    };
}
