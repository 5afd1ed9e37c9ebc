using System.Text.RegularExpressions;
using ContractHarness.Contracts.Generator.WireMock;

namespace ContractHarness.Contracts.Generator.Tests.Generation.WireMock;

public class YearPatternTests
{
    [Theory]
    [InlineData(1001)]
    [InlineData(1999)]
    [InlineData(2000)]
    [InlineData(2002)]
    [InlineData(2007)]
    [InlineData(2013)]
    [InlineData(2019)]
    [InlineData(2100)]
    [InlineData(9999)]
    public void Before_MatchesExactlyTheEarlierFourDigitYears(int year)
    {
        var pattern = new Regex($"^(?:{YearPattern.Before(year)})$");

        var matched = Enumerable.Range(1000, 9000).Where(y => pattern.IsMatch(y.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        matched.Should().Equal(Enumerable.Range(1000, year - 1000));
    }

    [Theory]
    [InlineData("Tue, 21 Feb 2012 14:29:29 GMT", true)]
    [InlineData("Tue Feb 21 14:29:29 2012", true)]
    [InlineData("Tue Feb  7 14:29:29 1999", true)]
    [InlineData("Thu, 21 Feb 2013 14:29:29 GMT", false)]
    [InlineData("Sat, 01 Jan 2022 00:00:00 GMT", false)]
    [InlineData("Tuesday, 21-Feb-12 14:29:29 GMT", false)]
    [InlineData("2012", false)]
    public void HttpDateBefore_ReadsTheYearOfImfAndAsctimeDates(string value, bool before)
    {
        // Java's matches() needs the whole value; Regex.IsMatch with the anchors in the pattern is the same test.
        Regex.IsMatch(value, YearPattern.HttpDateBefore(2013)).Should().Be(before);
    }

    [Fact]
    public void Before_RefusesYearsWithoutEarlierFourDigitYears() =>
        FluentActions.Invoking(() => YearPattern.Before(1000)).Should().Throw<ArgumentOutOfRangeException>();
}
