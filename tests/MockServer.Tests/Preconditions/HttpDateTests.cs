using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Tests.Preconditions;

public sealed class HttpDateTests
{
    private static readonly DateTimeOffset Expected = new(1994, 11, 6, 8, 49, 37, TimeSpan.Zero);

    [Theory]
    [InlineData("Sun, 06 Nov 1994 08:49:37 GMT")]
    [InlineData("Sunday, 06-Nov-94 08:49:37 GMT")]
    [InlineData("Sun Nov  6 08:49:37 1994")]
    public void TryParse_EachRfc7231Format_GivesTheSameUtcInstant(string text)
    {
        HttpDate.TryParse(text, out var instant).Should().BeTrue();
        instant.Should().Be(Expected);
        instant.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1994-11-06T08:49:37Z")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 CET")]
    [InlineData("Mon, 06 Nov 1994 08:49:37 GMT")]
    [InlineData("Sun, 32 Nov 1994 08:49:37 GMT")]
    public void TryParse_NotAnHttpDate_IsRefused(string text) => HttpDate.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Format_WritesImfFixdate() => HttpDate.Format(Expected).Should().Be("Sun, 06 Nov 1994 08:49:37 GMT");

    [Theory]
    [InlineData("2013-02-21T15:29:29.5607019+01:00", "2013-02-21T14:29:29")]
    [InlineData("2020-04-22T15:51:25", "2020-04-22T15:51:25")]
    public void EntityStamp_ReadsWithOrWithoutOffsetAndWritesUtcWithoutOffset(string stored, string written)
    {
        EntityStamp.TryParse(stored, out var instant).Should().BeTrue();
        EntityStamp.Format(instant).Should().Be(written);
        System.Text.Encoding.UTF8.GetString(EntityStamp.JsonUtf8(instant)).Should().Be($"\"{written}\"");
    }

    [Fact]
    public void Formats_KeepTheLastInstant_AndFormatAnotherOneAfresh()
    {
        // Both formats keep their last result (updates within one second share it): a new instant must not get the old text.
        var later = Expected.AddSeconds(1);
        var other = Expected.ToOffset(TimeSpan.FromHours(2)); // the same instant written with an offset

        var texts = new[] { Expected, later, later, other, Expected }.Select(HttpDate.Format).ToArray();
        var stamps = new[] { Expected, later, later, other, Expected }
            .Select(i => System.Text.Encoding.UTF8.GetString(EntityStamp.JsonUtf8(i))).ToArray();

        texts.Should().Equal(
            "Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:38 GMT", "Sun, 06 Nov 1994 08:49:38 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT");
        stamps.Should().Equal(
            "\"1994-11-06T08:49:37\"", "\"1994-11-06T08:49:38\"", "\"1994-11-06T08:49:38\"", "\"1994-11-06T08:49:37\"", "\"1994-11-06T08:49:37\"");
    }
}
