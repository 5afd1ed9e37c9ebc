using System.Text.Json.Nodes;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Tests.Support;

namespace ContractHarness.MockServer.Tests.Store;

/// <summary>
/// <see cref="EntityWriter.Merge"/> copies unchanged members as bytes: its output must be exactly what writing the
/// merged entity whole gives (same bytes, same value ranges, same <c>_Links</c> placeholder).
/// </summary>
public sealed class EntityWriterTests
{
    private static readonly IReadOnlyList<EntityModel> Models = TestPaths.Models;

    public static TheoryData<string> Entities() => [.. Models.Where(m => File.Exists(m.FixturePath)).Select(m => m.Entity)];

    [Theory]
    [MemberData(nameof(Entities))]
    public void Merge_WritesTheSameBytesAsWritingTheMergedEntityWhole(string entity)
    {
        var model = Models.Single(m => m.Entity == entity);
        var current = EntityWriter.Write(JsonNode.Parse(File.ReadAllBytes(model.FixturePath))!.AsObject(), model);
        var names = current.Properties.Select(p => p.Name).ToList();
        var changed = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            [names[0]] = JsonValue.Create("first + \"quoted\" <é>"),
            [names[^1]] = new JsonObject { ["Nested"] = new JsonArray(1, null, "x") },
            [names[names.Count / 2]] = null,
            ["Added"] = 42,
        };
        if (model.HasLinks)
        {
            changed[EntityModel.LinksProperty] = new JsonObject { ["Self"] = "ignored" };
        }

        MemberValue[] raw = [new(names[1], "{\"Raw\":true}"u8.ToArray()), new("AddedRaw", "[1,2]"u8.ToArray())];

        var before = current.Properties.ToList();
        var merged = EntityWriter.Merge(current, changed, raw, model, current.LastUpdate);

        ShouldBeWrittenWhole(merged, current, changed, raw, model);
        merged.LastModified.Should().Be(current.LastModified);
        current.Properties.Should().Equal(before, "the names the two versions share are not changed by the added members");
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Merge_OfEveryOtherMember_WritesTheSameBytesAsWritingTheMergedEntityWhole(string entity)
    {
        // More changes than the scan by name takes: the index path, with changed members next to each other and apart.
        var model = Models.Single(m => m.Entity == entity);
        var current = EntityWriter.Write(JsonNode.Parse(File.ReadAllBytes(model.FixturePath))!.AsObject(), model);
        var names = current.Properties.Select(p => p.Name).Where(n => n != EntityModel.LinksProperty).ToList();
        var changed = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i += 2)
        {
            changed[names[i]] = JsonValue.Create(new string('x', i));
        }

        changed[names[1]] = 1;
        MemberValue[] raw = [new(names[0], "\"raw wins\""u8.ToArray()), new(names[^1], "[]"u8.ToArray())];

        var merged = EntityWriter.Merge(current, changed, raw, model, current.LastUpdate);

        changed.Count.Should().BeGreaterThan(8);
        ShouldBeWrittenWhole(merged, current, changed, raw, model);
    }

    [Fact]
    public void Merge_IntoAnEmptyEntity_AddsTheMembersWithoutALeadingComma()
    {
        var model = Models[0];
        var empty = EntityWriter.Write([], model);

        var merged = EntityWriter.Merge(
            empty, new Dictionary<string, JsonNode?> { ["A"] = "é" }, [new MemberValue("B", "2"u8.ToArray())], model, empty.LastUpdate);

        System.Text.Encoding.UTF8.GetString(merged.Utf8).Should().Be("""{"A":"é","B":2}""");
        merged.Properties.Should().Equal(new PropertySpan("A", 5, 9), new PropertySpan("B", 14, 15));
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Rewrite_WritesTheSameBytesAsWritingTheRewrittenEntityWhole(string entity)
    {
        var model = Models.Single(m => m.Entity == entity);
        var current = EntityWriter.Write(JsonNode.Parse(File.ReadAllBytes(model.FixturePath))!.AsObject(), model);
        var names = current.Properties.Select(p => p.Name).ToList();
        var replaced = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [names[0]] = "\"first + \\\"quoted\\\" <é>\""u8.ToArray(),
            [names[^1]] = "{\"Nested\":[1,null,\"x\"]}"u8.ToArray(),
            [names[names.Count / 2]] = "null"u8.ToArray(),
        };

        var rewritten = EntityWriter.Rewrite(current, p => replaced.GetValueOrDefault(p.Name), model, current.LastUpdate);

        ShouldBeWrittenWhole(rewritten, current, [], [.. replaced.Select(r => new MemberValue(r.Key, r.Value))], model);
        rewritten.LastModified.Should().Be(current.LastModified);
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Rewrite_WithNothingReplaced_IsTheStoredBytes(string entity)
    {
        var model = Models.Single(m => m.Entity == entity);
        var current = EntityWriter.Write(JsonNode.Parse(File.ReadAllBytes(model.FixturePath))!.AsObject(), model);

        var rewritten = EntityWriter.Rewrite(current, _ => null, model, current.LastUpdate);

        rewritten.Utf8.Should().Equal(current.Utf8);
        rewritten.Properties.Should().Equal(current.Properties);
    }

    [Fact]
    public void Merge_WithNothingChanged_CopiesTheStoredBytes()
    {
        var model = Models.First(m => File.Exists(m.FixturePath));
        var current = EntityWriter.Write(JsonNode.Parse(File.ReadAllBytes(model.FixturePath))!.AsObject(), model);

        var merged = EntityWriter.Merge(current, new Dictionary<string, JsonNode?>(), [], model, current.LastUpdate);

        merged.Utf8.Should().Equal(current.Utf8);
        merged.Properties.Should().Equal(current.Properties);
        (merged.LinksStart, merged.LinksEnd).Should().Be((current.LinksStart, current.LinksEnd));
    }

    /// <summary><paramref name="merged"/> (or rewritten) is exactly what writing <paramref name="current"/> with the changes applied whole gives (raw values last, so they win).</summary>
    private static void ShouldBeWrittenWhole(
        StoredEntity merged, StoredEntity current, Dictionary<string, JsonNode?> changed, MemberValue[] raw, EntityModel model)
    {
        var whole = current.ToJsonObject();
        foreach (var (name, value) in changed)
        {
            whole[name] = value?.DeepClone();
        }

        foreach (var (name, bytes) in raw)
        {
            whole[name] = JsonNode.Parse(bytes);
        }

        var expected = EntityWriter.Write(whole, model);
        merged.Utf8.Should().Equal(expected.Utf8);
        merged.Properties.Should().Equal(expected.Properties);
        (merged.LinksStart, merged.LinksEnd).Should().Be((expected.LinksStart, expected.LinksEnd));
    }
}
