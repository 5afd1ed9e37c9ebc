using System.Globalization;
using System.Text;
using System.Xml;

namespace ContractHarness.Contracts.Reporting;

/// <summary>
/// Writes a <see cref="JUnitReport"/> as JUnit XML (the <c>testsuites</c>/<c>testsuite</c>/<c>testcase</c> shape
/// Jenkins, GitLab, GitHub and Azure Pipelines read): counts on every suite and on the root, times in seconds, UTF-8
/// without a byte order mark. Characters XML 1.0 cannot hold (control characters such as an ANSI escape) become
/// U+FFFD, so no message can make the file unreadable.
/// </summary>
internal static class JUnitWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineChars = "\n",
    };

    /// <summary>Writes the report to <paramref name="path"/>, creating its folder; an <see cref="IOException"/> names the file when it cannot.</summary>
    public static void Write(string path, JUnitReport report)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, ToXml(report), Settings.Encoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: cannot write the JUnit report ({e.Message})", e);
        }
    }

    public static string ToXml(JUnitReport report)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(text), Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", Clean(report.Name));
            Counts(xml, report.Tests, report.Failures, report.Errors, report.Skipped, report.Time);
            foreach (var suite in report.Suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(suite.Name));
                Counts(xml, suite.Tests, suite.Failures, suite.Errors, suite.Skipped, suite.Time);
                foreach (var testCase in suite.Cases)
                {
                    Case(xml, testCase);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return text.Append('\n').ToString();
    }

    private static void Case(XmlWriter xml, JUnitCase testCase)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean(testCase.ClassName));
        xml.WriteAttributeString("name", Clean(testCase.Name));
        xml.WriteAttributeString("time", Seconds(testCase.Time ?? TimeSpan.Zero));
        if (testCase.Failure is { } failure)
        {
            Problem(xml, "failure", failure);
        }
        else if (testCase.Error is { } error)
        {
            Problem(xml, "error", error);
        }
        else if (testCase.Skipped is { } reason)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", Clean(reason));
            xml.WriteEndElement();
        }

        if (testCase.Output is { Length: > 0 } output)
        {
            xml.WriteElementString("system-out", Clean(output));
        }

        xml.WriteEndElement();
    }

    private static void Problem(XmlWriter xml, string element, JUnitProblem problem)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("message", Clean(problem.Message));
        xml.WriteAttributeString("type", Clean(problem.Type));
        xml.WriteString(Clean(problem.Details ?? problem.Message));
        xml.WriteEndElement();
    }

    private static void Counts(XmlWriter xml, int tests, int failures, int errors, int skipped, TimeSpan time)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The text with every character XML 1.0 cannot carry (a lone surrogate, a control character) replaced by U+FFFD.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                clean?.Append(c);
                continue;
            }

            clean ??= new StringBuilder(text.Length).Append(text, 0, i);
            clean.Append('\uFFFD');
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>A writer over a string builder that declares UTF-8, the encoding the file is written in.</summary>
    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Settings.Encoding;
    }
}
