using System.Globalization;
using System.Xml.Linq;

namespace ContractHarness.TestSupport;

/// <summary>
/// A JUnit XML file read back for tests, its shape checked on the way in: a <c>testsuites</c> root whose counts, when
/// it states them, are the sums of its <c>testsuite</c> elements, each suite's counts those of its <c>testcase</c> elements, every case
/// named with a class name and a time, at most one of <c>failure</c>/<c>error</c>/<c>skipped</c>, and a
/// <c>message</c> on each. A file that breaks any of it throws <see cref="InvalidDataException"/> saying where.
/// </summary>
internal sealed record JUnitXml(string Name, int Tests, int Failures, int Errors, int Skipped, IReadOnlyList<JUnitXml.Suite> Suites)
{
    public sealed record Suite(string Name, int Tests, int Failures, int Errors, int Skipped, IReadOnlyList<Case> Cases);

    /// <summary>One test case; <see cref="Outcome"/> is <c>passed</c>, <c>failure</c>, <c>error</c> or <c>skipped</c>.</summary>
    public sealed record Case(string ClassName, string Name, string Outcome, string? Message, string? Type, string? Text, string? SystemOut);

    public IEnumerable<Case> Cases => Suites.SelectMany(s => s.Cases);

    public static JUnitXml Read(string path) => Parse(File.ReadAllText(path));

    public static JUnitXml Parse(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new InvalidDataException("no root element");
        if (root.Name != "testsuites")
        {
            throw new InvalidDataException($"the root is <{root.Name}>, not <testsuites>");
        }

        var suites = root.Elements("testsuite").Select(ReadSuite).ToList();
        if (root.Elements().Any(e => e.Name != "testsuite"))
        {
            throw new InvalidDataException("<testsuites> holds something other than <testsuite>");
        }

        // the root's counts are optional (dotnet test's JUnit logger leaves them out); when given they must add up
        int Total(string attribute, Func<Suite, int> count)
        {
            var sum = suites.Sum(count);
            if (root.Attribute(attribute) is not null)
            {
                Expect("testsuites", attribute, Count(root, attribute), sum);
            }

            return sum;
        }

        return new JUnitXml((string?)root.Attribute("name") ?? string.Empty, Total("tests", s => s.Tests), Total("failures", s => s.Failures),
            Total("errors", s => s.Errors), Total("skipped", s => s.Skipped), suites);
    }

    private static Suite ReadSuite(XElement element)
    {
        var name = Required(element, "name");
        var cases = element.Elements("testcase").Select(ReadCase).ToList();
        var suite = new Suite(name, Count(element, "tests"), Count(element, "failures"), Count(element, "errors"), Count(element, "skipped"), cases);
        Expect($"testsuite '{name}'", "tests", suite.Tests, cases.Count);
        Expect($"testsuite '{name}'", "failures", suite.Failures, cases.Count(c => c.Outcome == "failure"));
        Expect($"testsuite '{name}'", "errors", suite.Errors, cases.Count(c => c.Outcome == "error"));
        Expect($"testsuite '{name}'", "skipped", suite.Skipped, cases.Count(c => c.Outcome == "skipped"));
        Seconds(element, $"testsuite '{name}'");
        return suite;
    }

    private static Case ReadCase(XElement element)
    {
        var name = Required(element, "name");
        var where = $"testcase '{name}'";
        Seconds(element, where);
        var outcomes = element.Elements().Where(e => e.Name == "failure" || e.Name == "error" || e.Name == "skipped").ToList();
        if (outcomes.Count > 1)
        {
            throw new InvalidDataException($"{where} has {outcomes.Count} outcome elements");
        }

        var outcome = outcomes.SingleOrDefault();
        var message = outcome is null ? null : Required(outcome, "message");
        if (outcome is not null && outcome.Name != "skipped" && Required(outcome, "type").Length == 0)
        {
            throw new InvalidDataException($"{where}: <{outcome.Name}> has an empty type");
        }

        return new Case(Required(element, "classname"), name, outcome?.Name.LocalName ?? "passed", message, (string?)outcome?.Attribute("type"),
            outcome?.Value, (string?)element.Element("system-out"));
    }

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) ?? throw new InvalidDataException($"<{element.Name}> has no {attribute} attribute");

    private static int Count(XElement element, string attribute) =>
        int.TryParse(Required(element, attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new InvalidDataException($"<{element.Name}> {attribute}=\"{element.Attribute(attribute)!.Value}\" is not a count");

    private static void Seconds(XElement element, string where)
    {
        if (!double.TryParse(Required(element, "time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            throw new InvalidDataException($"{where}: time=\"{element.Attribute("time")!.Value}\" is not seconds");
        }
    }

    private static void Expect(string where, string attribute, int stated, int counted)
    {
        if (stated != counted)
        {
            throw new InvalidDataException($"{where}: {attribute}=\"{stated}\" but it holds {counted}");
        }
    }
}
