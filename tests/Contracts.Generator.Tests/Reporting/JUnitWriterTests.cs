using ContractHarness.Contracts.Reporting;
using ContractHarness.Contracts.Generator.Tests.Support;
using ContractHarness.TestSupport;

namespace ContractHarness.Contracts.Generator.Tests.Reporting;

/// <summary>The one JUnit writer of make verify-provider, make drift and make compat, read back through the shape check.</summary>
public sealed class JUnitWriterTests
{
    private static readonly JUnitReport Mixed = new("checks", [
        new JUnitSuite("first", [
            new JUnitCase("c", "passes") { Time = TimeSpan.FromMilliseconds(1500) },
            new JUnitCase("c", "fails") { Failure = new JUnitProblem("status: expected 200 but was 500", "mismatch", "status: expected 200 but was 500\nbody $.Id: expected an integer") },
            new JUnitCase("c", "cannot run") { Error = new JUnitProblem("connection refused", "error") },
        ]),
        new JUnitSuite("second", [
            new JUnitCase("d", "pending") { Skipped = "pending: its failure does not fail the run", Output = "a note" },
        ]),
    ]);

    [Fact]
    public void Counts_OnTheRootAndEverySuite_FollowTheCases()
    {
        var xml = JUnitXml.Parse(JUnitWriter.ToXml(Mixed));

        xml.Should().BeEquivalentTo(new { Name = "checks", Tests = 4, Failures = 1, Errors = 1, Skipped = 1 });
        xml.Suites.Select(s => (s.Name, s.Tests, s.Failures, s.Errors, s.Skipped)).Should().Equal(("first", 3, 1, 1, 0), ("second", 1, 0, 0, 1));
        xml.Cases.Select(c => c.Outcome).Should().Equal("passed", "failure", "error", "skipped");
    }

    [Fact]
    public void AFailure_CarriesItsLineAsMessage_AndTheWholeTextAsBody()
    {
        var failure = JUnitXml.Parse(JUnitWriter.ToXml(Mixed)).Cases.Single(c => c.Name == "fails");

        failure.Should().BeEquivalentTo(new
        {
            ClassName = "c",
            Outcome = "failure",
            Message = "status: expected 200 but was 500",
            Type = "mismatch",
            Text = "status: expected 200 but was 500\nbody $.Id: expected an integer",
        });
    }

    [Fact]
    public void TimesAreSeconds_AndOutputGoesToSystemOut()
    {
        var text = JUnitWriter.ToXml(Mixed);

        text.Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>").And.Contain("name=\"passes\" time=\"1.500\"").And.Contain("<testsuites name=\"checks\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\" time=\"1.500\">");
        JUnitXml.Parse(text).Cases.Single(c => c.Name == "pending").SystemOut.Should().Be("a note");
    }

    [Fact]
    public void CharactersXmlCannotHold_BecomeReplacementCharacters_AndTheFileStaysReadable()
    {
        var report = new JUnitReport("r", [new JUnitSuite("s", [
            new JUnitCase("c", "ansi \u001b[31mred\u001b[0m") { Failure = new JUnitProblem("bell \u0007, lone \ud800, pair \U0001F600 & <tag>", "mismatch") },
        ])]);

        var failure = JUnitXml.Parse(JUnitWriter.ToXml(report)).Cases.Single();

        failure.Name.Should().Be("ansi \uFFFD[31mred\uFFFD[0m");
        failure.Message.Should().Be("bell \uFFFD, lone \uFFFD, pair \U0001F600 & <tag>");
    }

    [Fact]
    public void Write_CreatesTheFolder_AndWritesUtf8WithoutAByteOrderMark()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("reports", "nested", "r.xml");

        JUnitWriter.Write(path, Mixed);

        File.ReadAllBytes(path)[..5].Should().Equal("<?xml"u8.ToArray());
        JUnitXml.Read(path).Tests.Should().Be(4);
    }

    [Fact]
    public void Write_ToAPlaceThatCannotHoldAFile_IsAnIOExceptionNamingIt()
    {
        using var temp = new TempDirectory();
        var blocker = temp.Combine("file");
        File.WriteAllText(blocker, "not a folder");

        var write = () => JUnitWriter.Write(Path.Combine(blocker, "r.xml"), Mixed);

        write.Should().Throw<IOException>().WithMessage($"{Path.Combine(blocker, "r.xml")}: cannot write the JUnit report*");
    }

    [Theory]
    [InlineData("<testsuite name=\"s\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\"/>", "the root is <testsuite>*")]
    [InlineData("<testsuites tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\"><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\"><testcase classname=\"c\" name=\"n\" time=\"0\"/></testsuite></testsuites>", "testsuites: tests=\"2\" but it holds 1")]
    [InlineData("<testsuites tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\"><testcase classname=\"c\" name=\"n\" time=\"0\"><failure message=\"m\" type=\"t\"/></testcase></testsuite></testsuites>", "testsuite 's': failures=\"0\" but it holds 1")]
    [InlineData("<testsuites tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\"><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\"><testcase name=\"n\" time=\"0\"/></testsuite></testsuites>", "<testcase> has no classname attribute")]
    [InlineData("<testsuites tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\"><testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0\"><testcase classname=\"c\" name=\"n\" time=\"0\"><failure type=\"t\"/></testcase></testsuite></testsuites>", "<failure> has no message attribute")]
    public void TheShapeCheck_RefusesAFileThatIsNotJUnit(string xml, string expected)
    {
        var read = () => JUnitXml.Parse(xml);

        read.Should().Throw<InvalidDataException>().WithMessage(expected);
    }
}
