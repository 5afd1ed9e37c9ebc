using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using ContractHarness.MockServer;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>A data folder of the earlier format (<c>updates.wal</c>) is imported once, completely, at start.</summary>
public sealed class MigrationTests : IDisposable
{
    private const string Route = "/api/v1/Contact/{id}";
    private readonly DataFolder _data = new();

    [Fact]
    public async Task Start_WithAnOldLog_ImportsEveryRecordDeepOnesIncludedDropsOnlyATornLastLineAndRenamesTheLog()
    {
        var deep = await SeededAsync(3);
        deep["Interests"]![0]!["ChildItems"] = new JsonArray(JsonNode.Parse(DataFolder.Nested(70), documentOptions: new JsonDocumentOptions { MaxDepth = 256 }));
        var after = await SeededAsync(4);
        after["Department"] = "after-deep";
        await WriteLogAsync(Line(3, deep), Line(4, after), Line(66, null), """{"route":"/api/v1/Contact/{id}","id":5,"value":{"Con""");

        await using (var first = await _data.StartAsync())
        {
            DataFolder.DepthOf((await DataFolder.GetAsync(first, "/api/v1/Contact/3"))!["Interests"]![0]!["ChildItems"]![0]).Should().Be(70);
            (await DataFolder.GetAsync(first, "/api/v1/Contact/4"))!["Department"]!.GetValue<string>().Should().Be("after-deep");
            (await DataFolder.GetAsync(first, "/api/v1/Contact/66")).Should().BeNull();
        }

        _data.Log.ToString().Should().Contain("line 4: dropped a torn last line").And.Contain("Imported 3 entity versions");
        File.Exists(_data.File("updates.wal")).Should().BeFalse();
        File.Exists(_data.File("updates.wal.imported")).Should().BeTrue();
    }

    [Fact]
    public async Task Start_AgainWithTheSameOldLogPutBack_DoesNotImportItTwice()
    {
        var old = await SeededAsync(4);
        old["Department"] = "from-the-log";
        await WriteLogAsync(Line(4, old));
        await using (var first = await _data.StartAsync())
        {
            using var newer = await DataFolder.PatchAsync(first, "/api/v1/Contact/4", """{"Department":"newer"}""", "application/merge-patch+json");
        }

        // As if the mock had stopped between the import's commit and the rename.
        File.Copy(_data.File("updates.wal.imported"), _data.File("updates.wal"));
        await using var second = await _data.StartAsync();

        (await DataFolder.GetAsync(second, "/api/v1/Contact/4"))!["Department"]!.GetValue<string>().Should().Be("newer");
        File.Exists(_data.File("updates.wal")).Should().BeFalse();
    }

    [Fact]
    public async Task Start_WithADamagedLineInTheMiddle_RefusesNamingItsLineAndImportsNothing()
    {
        var contact = await SeededAsync(4);
        await WriteLogAsync(Line(4, contact), """{"route":"/api/v1/Contact/{id}","id":5,"val""", Line(4, contact));

        var start = () => _data.StartAsync();

        (await start.Should().ThrowAsync<IOException>()).Which.Message.Should().Contain(_data.File("updates.wal") + " line 2 cannot be read");
        File.Exists(_data.File("updates.wal")).Should().BeTrue("the log is left as it was");
    }

    public void Dispose() => _data.Dispose();

    private static string Line(int id, JsonObject? value) =>
        new JsonObject { ["route"] = Route, ["id"] = id, ["value"] = value?.DeepClone() }.ToJsonString(new JsonSerializerOptions { MaxDepth = 256 });

    /// <summary>The lines, each ended by a newline except a last one that starts a torn record.</summary>
    private Task WriteLogAsync(params string[] lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line);
            if (line.EndsWith('}'))
            {
                text.Append('\n');
            }
        }

        return File.WriteAllTextAsync(_data.File("updates.wal"), text.ToString());
    }

    private static async Task<JsonObject> SeededAsync(int id)
    {
        await using var mock = await SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false });
        return (await DataFolder.GetAsync(mock, $"/api/v1/Contact/{id}"))!;
    }
}
