using System.Net;
using ContractHarness.MockServer.Hosting;

namespace ContractHarness.MockServer.Tests.Persistence;

/// <summary>
/// One data folder, one mock: a second mock on the folder would keep its own copy of the changed entities and
/// overwrite the first one's rows, so it is refused before it opens the database.
/// </summary>
public sealed class FolderLockTests : IDisposable
{
    private readonly DataFolder _data = new();

    [Fact]
    public async Task SecondMock_OnTheSameFolder_IsRefused_NamingTheFolder_AndTheFirstKeepsWorking()
    {
        await using var first = await _data.StartAsync();

        var second = async () => await _data.StartAsync();

        (await second.Should().ThrowAsync<IOException>()).Which.Message.Should().Contain("in use by another mock").And.Contain(_data.Path);
        (await DataFolder.PatchNameAsync(first, "Still mine")).Should().Be(HttpStatusCode.OK);
        (await DataFolder.NameAsync(first)).Should().Be("Still mine");
    }

    [Fact]
    public async Task Folder_IsFreeAgain_OnceTheFirstMockStopped()
    {
        await using (var first = await _data.StartAsync())
        {
            (await DataFolder.PatchNameAsync(first, "Handed over")).Should().Be(HttpStatusCode.OK);
        }

        await using var second = await _data.StartAsync();
        (await DataFolder.NameAsync(second)).Should().Be("Handed over");
    }

    [Fact]
    public async Task CommandLine_SaysInOneLine_ThatTheFolderIsInUse()
    {
        await using var first = await _data.StartAsync();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // a second mock that starts runs until stopped

        var exit = await MockServerCli.RunAsync(["--data", _data.Path, "--port", "0", "--quiet"], new System.Collections.Hashtable(), TextWriter.Null, error, stop.Token);

        exit.Should().NotBe(0);
        var lines = error.ToString().TrimEnd().Split('\n');
        lines.Should().ContainSingle().Which.Should().Contain("in use by another mock");
    }

    public void Dispose() => _data.Dispose();
}
