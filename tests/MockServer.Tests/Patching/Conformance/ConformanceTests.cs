using System.Text;
using System.Text.Json.Nodes;
using ContractHarness.MockServer.Patching;
using Xunit.Abstractions;

namespace ContractHarness.MockServer.Tests.Patching.Conformance;

/// <summary>
/// Runs the published json-patch-tests vectors (see Vectors/NOTICE). Each enabled vector must give its published
/// outcome, unless <see cref="ConformanceDeviations.Table"/> lists it, in which case it must give the table's
/// outcome and must not give the published one.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>Vector count of tests.json at the vendored commit (guards against a truncated or missing file).</summary>
    private const int TestsJsonVectorCount = 87;

    public static TheoryData<VectorCase> EnabledVectors() => Cases(disabled: false);

    public static TheoryData<VectorCase> DisabledVectors() => Cases(disabled: true);

    [Theory]
    [MemberData(nameof(EnabledVectors))]
    [MemberData(nameof(DisabledVectors), Skip = "disabled in the published suite")]
    public void Vector_GivesPublishedOutcomeOrDocumentedDeviation(VectorCase vectorCase)
    {
        var vector = vectorCase.Vector;
        var (document, error) = Run(vector);
        var published = MatchesPublished(vector, document, error);

        if (!ConformanceDeviations.Table.TryGetValue(vector.Key, out var deviation))
        {
            published.Should().BeTrue("{0} expects {1} but the engine gave {2}", vector, Published(vector), Describe(document, error));
            return;
        }

        deviation.Describes.Should().Be(vector.Describes, "the deviation table entry {0} must name the vector it is about", vector.Key);
        published.Should().BeFalse("{0} now gives its published outcome; remove it from the deviation table", vector);
        if (deviation.ExpectedError is { } kind)
        {
            error.Should().NotBeNull("{0}: {1}", vector, deviation.Reason);
            error!.ErrorKind.Should().Be(kind, deviation.Reason);
        }
        else
        {
            error.Should().BeNull("{0}: {1}", vector, deviation.Reason);
            JsonEquality.DeepEquals(document, JsonNode.Parse(deviation.ExpectedDocument!)).Should()
                .BeTrue("{0}: {1}; expected {2} but got {3}", vector, deviation.Reason, deviation.ExpectedDocument!, Describe(document, null));
        }
    }

    [Fact]
    public void DeviationTable_ListsOnlyEnabledVectorsThatExist()
    {
        foreach (var (key, deviation) in ConformanceDeviations.Table)
        {
            var vector = ConformanceVectors.Find(key);
            vector.Should().NotBeNull("deviation {0} must refer to an existing vector", key);
            vector!.Disabled.Should().BeFalse("deviation {0} refers to a disabled vector, which never runs", key);
            vector.Describes.Should().Be(deviation.Describes);
            (deviation.ExpectedDocument is null).Should().NotBe(deviation.ExpectedError is null, "deviation {0} must expect a document or an error", key);
        }
    }

    [Fact]
    public void Vectors_AreLoadedAndCounted()
    {
        var all = ConformanceVectors.All;
        all.Count(v => v.File == "tests.json").Should().Be(TestsJsonVectorCount);

        var disabled = all.Count(v => v.Disabled);
        var deviating = all.Count(v => !v.Disabled && ConformanceDeviations.Table.ContainsKey(v.Key));
        output.WriteLine(
            $"{all.Count} vectors: {all.Count - disabled} run, {all.Count - disabled - deviating} as published, " +
            $"{deviating} as documented deviations, {disabled} skipped as disabled");
    }

    private static TheoryData<VectorCase> Cases(bool disabled)
    {
        var data = new TheoryData<VectorCase>();
        foreach (var vector in ConformanceVectors.All)
        {
            if (vector.Disabled == disabled)
            {
                data.Add(new VectorCase(vector));
            }
        }

        return data;
    }

    /// <summary>Applies the vector's patch, checking that the input document is left untouched either way.</summary>
    private static (JsonNode? Document, JsonPatchException? Error) Run(ConformanceVector vector)
    {
        var input = JsonNode.Parse(vector.DocJson);
        var before = input?.ToJsonString();
        try
        {
            // from the bytes, as a request body: a usual patch is read without a tree of the body, any other parsed whole
            return (JsonPatchDocument.Parse(Encoding.UTF8.GetBytes(vector.PatchJson)).ApplyTo(input), null);
        }
        catch (JsonPatchException e)
        {
            return (null, e);
        }
        finally
        {
            input?.ToJsonString().Should().Be(before, "applying a patch must never modify its input");
        }
    }

    private static bool MatchesPublished(ConformanceVector vector, JsonNode? document, JsonPatchException? error)
    {
        if (vector.Error is not null || error is not null)
        {
            return vector.Error is not null && error is not null;
        }

        return vector.ExpectedJson is null || JsonEquality.DeepEquals(document, JsonNode.Parse(vector.ExpectedJson));
    }

    private static string Published(ConformanceVector vector) =>
        vector.Error is not null ? $"an error ({vector.Error})" : vector.ExpectedJson ?? "success";

    private static string Describe(JsonNode? document, JsonPatchException? error) =>
        error is not null ? $"{error.ErrorKind}: {error.Message}" : document?.ToJsonString() ?? "null";
}
