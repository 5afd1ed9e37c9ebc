using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractHarness.Contracts.Generator.Pages;

/// <summary>Reads the <c>http</c> code blocks of a page: a start line, header lines, a blank line and a JSON body.</summary>
internal static class HttpSampleReader
{
    private static readonly string[] Methods = ["GET", "PUT", "PATCH", "POST", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>True when the line is a request line such as <c>PATCH /api/v1/Contact/{id}</c>.</summary>
    public static bool IsRequestLine(string line, out string method, out string target)
    {
        method = target = string.Empty;
        var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3 || !Methods.Contains(parts[0]) || !parts[1].StartsWith('/'))
        {
            return false;
        }

        (method, target) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>Parses a code block's text. <paramref name="firstLine"/> is the block's first content line (one-based).</summary>
    public static HttpSample Read(string fileName, string text, int firstLine)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = 0;
        while (index < lines.Length && string.IsNullOrWhiteSpace(lines[index]))
        {
            index++;
        }

        var startLine = lines[index].Trim();
        index++;
        var headers = new List<KeyValuePair<string, string>>();
        for (; index < lines.Length && !string.IsNullOrWhiteSpace(lines[index]); index++)
        {
            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new PageFormatException(fileName, firstLine + index, $"expected a header line 'Name: value' in the sample, found '{lines[index].Trim()}'");
            }

            headers.Add(new(lines[index][..colon].Trim(), lines[index][(colon + 1)..].Trim()));
        }

        while (index < lines.Length && string.IsNullOrWhiteSpace(lines[index]))
        {
            index++;
        }

        var bodyStart = index;
        var body = string.Join('\n', lines.Skip(index)).Trim();
        if (body.Length == 0)
        {
            return new HttpSample(startLine, headers, null, firstLine);
        }

        try
        {
            return new HttpSample(startLine, headers, JsonNode.Parse(body), firstLine);
        }
        catch (JsonException ex)
        {
            var line = firstLine + bodyStart + (int)(ex.LineNumber ?? 0);
            throw new PageFormatException(fileName, line, $"the sample body is not valid JSON: {ex.Message}");
        }
    }
}
