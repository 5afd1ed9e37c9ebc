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

        var raw = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [names[1]] = "{\"Raw\":true}"u8.ToArray(), ["AddedRaw"] = "[1,2]"u8.ToArray() };

        var merged = EntityWriter.Merge(current, changed, raw, model, current.LastUpdate);

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
        merged.LastModified.Should().Be(current.LastModified);
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

        var whole = current.ToJsonObject();
        foreach (var (name, bytes) in replaced)
        {
            whole[name] = JsonNode.Parse(bytes);
        }

        var expected = EntityWriter.Write(whole, model);
        rewritten.Utf8.Should().Equal(expected.Utf8);
        rewritten.Properties.Should().Equal(expected.Properties);
        (rewritten.LinksStart, rewritten.LinksEnd).Should().Be((expected.LinksStart, expected.LinksEnd));
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

        var merged = EntityWriter.Merge(current, new Dictionary<string, JsonNode?>(), new Dictionary<string, byte[]>(), model, current.LastUpdate);

        merged.Utf8.Should().Equal(current.Utf8);
        merged.Properties.Should().Equal(current.Properties);
        (merged.LinksStart, merged.LinksEnd).Should().Be((current.LinksStart, current.LinksEnd));
    }
}
