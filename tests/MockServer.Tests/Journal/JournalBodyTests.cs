using System.Text;
using ContractHarness.MockServer.Http.Admin;

namespace ContractHarness.MockServer.Tests.Journal;

/// <summary><see cref="JournalBody"/>: what the journal keeps of a body and the text it shows.</summary>
public sealed class JournalBodyTests
{
    private static readonly (byte[], byte[]) Links = ("{\"Self\":\"http://h/api/v1/Contact/"u8.ToArray(), "\"}"u8.ToArray());

    [Fact]
    public void Entity_IsTheStoredBytesWithTheLinksSplicedIn()
    {
        var stored = "{\"ContactId\":66,\"_Links\":{},\"Name\":\"N\"}"u8.ToArray();
        var start = Encoding.UTF8.GetString(stored).IndexOf("{}", StringComparison.Ordinal);

        var body = JournalBody.OfEntity(stored, start, start + 2, Links, 66);

        body.ToText().Should().Be("{\"ContactId\":66,\"_Links\":{\"Self\":\"http://h/api/v1/Contact/66\"},\"Name\":\"N\"}");
        body.Length.Should().Be(Encoding.UTF8.GetByteCount(body.ToText()!));
    }

    [Fact]
    public void Kept_WithinTheLimit_IsTheSameBody()
    {
        var kept = JournalBody.Of("[1,2]"u8.ToArray()).Kept(5, out var truncated);

        truncated.Should().BeFalse();
        kept.ToText().Should().Be("[1,2]");
    }

    [Fact]
    public void Kept_OverTheLimit_IsCutAtACharacterBoundaryAndFlagged()
    {
        // "aé" is 3 bytes: a limit of 2 would split the é, so the cut falls before it.
        var kept = JournalBody.Of(Encoding.UTF8.GetBytes("aébc")).Kept(2, out var truncated);

        truncated.Should().BeTrue();
        kept.ToText().Should().Be("a");
        kept.Length.Should().Be(1);
    }

    [Fact]
    public void Kept_OfALargeEntity_CutsTheSplicedText()
    {
        var stored = "{\"_Links\":{},\"Name\":\"long name\"}"u8.ToArray();

        var kept = JournalBody.OfEntity(stored, 10, 12, Links, 7).Kept(30, out var truncated);

        truncated.Should().BeTrue();
        kept.ToText().Should().Be("{\"_Links\":{\"Self\":\"http://h/ap");
    }

    [Fact]
    public void None_HasNoText()
    {
        default(JournalBody).HasValue.Should().BeFalse();
        default(JournalBody).ToText().Should().BeNull();
        default(JournalBody).Kept(10, out var truncated).Length.Should().Be(0);
        truncated.Should().BeFalse();
    }
}
