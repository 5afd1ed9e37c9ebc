using ContractHarness.MockServer.Store;
using Microsoft.Extensions.Time.Testing;

namespace ContractHarness.MockServer.Tests.Store;

public sealed class VersionTagsTests
{
    [Theory]
    [InlineData(1L, "\"0badf00d-1\"")]
    [InlineData(15L, "\"0badf00d-f\"")]
    [InlineData(16L, "\"0badf00d-10\"")]
    [InlineData(0xabcdefL, "\"0badf00d-abcdef\"")]
    [InlineData(long.MaxValue, "\"0badf00d-7fffffffffffffff\"")]
    public void Format_QuotesTheEpochAndTheSerialInLowerCaseHex(long serial, string expected) =>
        VersionTags.Format("0badf00d", serial).Should().Be(expected);

    [Fact]
    public void Next_GivesStrongTagsThatNeverRepeat_StampedToTheSecond()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, 750, TimeSpan.Zero));
        var tags = new VersionTags(time);

        var first = tags.Next();
        var second = tags.Next();

        first.ETag.Should().MatchRegex("^\"[0-9a-f]{8}-1\"$");
        second.ETag.Should().Be(first.ETag[..^2] + "2\"");
        first.StoredAt.Should().Be(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    }
}
