using System.Net;
using ContractHarness.MockServer;
using Microsoft.Data.Sqlite;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>A data folder that cannot be read back refuses the start, names what is wrong, and is left as it was.</summary>
public sealed class DamagedStoreTests : IDisposable
{
    private readonly DataFolder _data = new();

    [Fact]
    public async Task Start_WithADamagedRow_RefusesNamingFileTableRouteAndIdAndKeepsTheRow()
    {
        await StoreTwoUpdatesAsync();
        Execute("UPDATE entities SET json = '{\"Name\":' WHERE route = '/api/v1/Contact/{id}' AND id = 66");

        var start = () => _data.StartAsync();

        var refusal = (await start.Should().ThrowAsync<IOException>()).Which.Message;
        refusal.Should().Contain(_data.Database).And.Contain("table entities").And.Contain("/api/v1/Contact/{id} id 66").And.NotContain("\n");
        Count().Should().Be(2, "a refusal rewrites nothing away");
    }

    [Fact]
    public async Task Start_WithARowOfAnUnknownRoute_RefusesNamingIt()
    {
        await StoreTwoUpdatesAsync();
        Execute("UPDATE entities SET route = '/api/v1/Gone/{id}' WHERE id = 66");

        var start = () => _data.StartAsync();

        (await start.Should().ThrowAsync<IOException>()).Which.Message.Should().Contain("/api/v1/Gone/{id} id 66").And.Contain("no route");
    }

    [Fact]
    public async Task Start_WithAnEntityThatIsNotAnObject_Refuses()
    {
        await StoreTwoUpdatesAsync();
        Execute("UPDATE entities SET json = '[1,2]' WHERE id = 4");

        var start = () => _data.StartAsync();

        (await start.Should().ThrowAsync<IOException>()).Which.Message.Should().Contain("id 4").And.Contain("JSON object");
    }

    [Fact]
    public async Task Start_WithDataPointingAtAFile_RefusesInOneLine()
    {
        var file = _data.File("not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var start = () => SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, DataDirectory = file });

        (await start.Should().ThrowAsync<IOException>()).Which.Message.Should().Be($"--data {file} is a file: give a folder (it is created when missing).");
    }

    [Fact]
    public async Task Start_WithDataUnderAFile_RefusesNamingTheFolder()
    {
        var file = _data.File("not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var below = Path.Combine(file, "data");

        var start = () => SuperOfficeMockServer.StartAsync(new SuperOfficeMockServerOptions { Port = 0, LogRequests = false, DataDirectory = below });

        (await start.Should().ThrowAsync<IOException>()).Which.Message.Should().StartWith($"The data folder {below} cannot be created");
    }

    public void Dispose() => _data.Dispose();

    private async Task StoreTwoUpdatesAsync()
    {
        await using var first = await _data.StartAsync();
        (await DataFolder.PatchNameAsync(first, "Stored")).Should().Be(HttpStatusCode.OK);
        using var other = await DataFolder.PatchAsync(first, "/api/v1/Contact/4", """{"Department":"kept"}""", "application/merge-patch+json");
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private void Execute(string sql)
    {
        using var command = Open(sql);
        command.ExecuteNonQuery().Should().Be(1);
    }

    private long Count()
    {
        using var command = Open("SELECT count(*) FROM entities");
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A command on the data folder's database, as another SQLite client (sqlite3) would open it.</summary>
    private SqliteCommand Open(string sql)
    {
        var connection = new SqliteConnection($"Data Source={_data.Database};Pooling=False");
        connection.Open();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Disposed += (_, _) => connection.Dispose();
        return command;
    }
}
