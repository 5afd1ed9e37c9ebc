using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ContractHarness.Contracts.Generator.Pages;

/// <summary>What <see cref="PageReader"/> has seen so far while walking a page's blocks in order.</summary>
internal sealed class PageState(string fileName)
{
    private enum Section { Preamble, Path, Query, Headers, RequestBody, Response, ResponseBody, Samples }

    private readonly Dictionary<string, string> _frontMatter = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ParameterRow> _pathParameters = [];
    private readonly List<ParameterRow> _queryParameters = [];
    private readonly List<HeaderRow> _headers = [];
    private readonly List<PropertyRow> _requestProperties = [];
    private readonly List<ResponseRow> _responses = [];
    private readonly List<PropertyRow> _responseProperties = [];
    private Section _section = Section.Preamble;
    private string? _method, _route, _summary, _title;
    private string _requestBodyName = string.Empty, _requestBodyDescription = string.Empty;
    private bool _expectRequestBodyDescription;
    private string? _responseCarrier;
    private int _responseBodyLine;
    private HttpSample? _sampleRequest, _sampleResponse;

    public void ReadFrontMatter(YamlFrontMatterBlock yaml)
    {
        foreach (var line in yaml.Lines.Lines.Take(yaml.Lines.Count))
        {
            var text = line.ToString();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                _frontMatter[text[..colon].Trim()] = text[(colon + 1)..].Trim();
            }
        }
    }

    public void EnterHeading(HeadingBlock heading)
    {
        var text = MarkdownText.Of(heading.Inline).Trim();
        if (heading.Level == 1)
        {
            _title ??= text;
            return;
        }

        _expectRequestBodyDescription = false;
        _section = Classify(text, heading.Line + 1) ?? _section;
    }

    public void ReadParagraph(ParagraphBlock paragraph)
    {
        var text = MarkdownText.Of(paragraph.Inline).Trim();
        if (text.StartsWith("Response body:", StringComparison.OrdinalIgnoreCase))
        {
            EnterResponseBody(text, paragraph.Line + 1);
            return;
        }

        if (_section == Section.Preamble && _route is not null && _summary is null)
        {
            _summary = DescriptionText.Clean(text);
        }
        else if (_section == Section.RequestBody && _expectRequestBodyDescription)
        {
            _requestBodyDescription = DescriptionText.Clean(text);
            _expectRequestBodyDescription = false;
        }
    }

    public void ReadCode(FencedCodeBlock code)
    {
        if (!(code.Info ?? string.Empty).StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var text = code.Lines.ToString();
        var firstContentLine = code.Line + 2;
        var nonEmpty = text.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        if (nonEmpty.Count == 0)
        {
            return;
        }

        if (nonEmpty.Count == 1 && HttpSampleReader.IsRequestLine(nonEmpty[0], out var method, out var target))
        {
            // A bare request line: the first one declares the operation, later ones are usage examples.
            if (_route is null)
            {
                (_method, _route) = (method, target);
            }

            return;
        }

        var sample = HttpSampleReader.Read(fileName, text, firstContentLine);
        if (sample.Status is not null)
        {
            _sampleResponse ??= sample;
        }
        else
        {
            _sampleRequest ??= sample;
        }
    }

    public void ReadTable(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows[0].OfType<TableCell>().Select(c => MarkdownText.Of(c).Trim().ToLowerInvariant()).ToArray();
        var body = rows.Skip(1).Select(r => (Line: r.Line + 1, Cells: r.OfType<TableCell>().Select(c => MarkdownText.Of(c).Trim()).ToArray())).ToList();
        var line = table.Line + 1;

        switch (header)
        {
            case ["path part", "type", "description"]:
                _pathParameters.AddRange(body.Select(r => Parameter(r.Cells)));
                break;
            case ["parameter name", "type", "description"]:
                _queryParameters.AddRange(body.Select(r => Parameter(r.Cells)));
                break;
            case ["parameter name", "description"]:
                _headers.AddRange(body.Select(r => new HeaderRow(r.Cells[0], DescriptionText.Clean(Cell(r.Cells, 1)))));
                break;
            case ["response", "description"]:
                foreach (var (rowLine, cells) in body)
                {
                    if (!int.TryParse(cells[0], out var status))
                    {
                        throw new PageFormatException(fileName, rowLine, $"expected a status code in the Response table, found '{cells[0]}'");
                    }

                    _responses.Add(new ResponseRow(status, DescriptionText.Clean(Cell(cells, 1))));
                }

                break;
            case ["property name", "type", "description"]:
                var target = _section switch
                {
                    Section.RequestBody => _requestProperties,
                    Section.ResponseBody => _responseProperties,
                    _ => throw new PageFormatException(fileName, line, "a 'Property Name | Type | Description' table must follow a 'Request Body' heading or a 'Response body' line"),
                };
                foreach (var (rowLine, cells) in body)
                {
                    if (cells.Length == 0 || cells[0].Length == 0 || target.Any(p => p.Name == cells[0]))
                    {
                        throw new PageFormatException(fileName, rowLine, $"property row without a name or repeated: '{string.Join(" | ", cells)}'");
                    }

                    target.Add(new PropertyRow(cells[0], Cell(cells, 1), DescriptionText.Clean(Cell(cells, 2)), rowLine));
                }

                break;
            default:
                throw new PageFormatException(fileName, line, $"unrecognised table with columns '{string.Join(" | ", header)}'");
        }
    }

    public ReferencePage Build()
    {
        var id = _frontMatter.GetValueOrDefault("uid") ?? _frontMatter.GetValueOrDefault("id")
            ?? throw new PageFormatException(fileName, 1, "front matter has neither 'uid' nor 'id'");
        if (_route is null || _method is null)
        {
            throw new PageFormatException(fileName, 1, "no ```http block with the operation's request line (e.g. 'PATCH /api/v1/Contact/{id}')");
        }

        if (_responses.Count == 0)
        {
            throw new PageFormatException(fileName, 1, "no 'Response | Description' table of status codes");
        }

        if (_responseCarrier is null || _responseProperties.Count == 0)
        {
            throw new PageFormatException(fileName, _responseBodyLine == 0 ? 1 : _responseBodyLine, "no 'Response body' entity table");
        }

        return new ReferencePage(
            fileName,
            _frontMatter.GetValueOrDefault("title") ?? _title ?? $"{_method} {_route}",
            id,
            _method,
            _route,
            _summary ?? string.Empty,
            _pathParameters,
            _queryParameters,
            _headers,
            new RequestBodySection(_requestBodyName, _requestBodyDescription, _requestProperties),
            _responses,
            _responseCarrier,
            _responseProperties,
            _sampleRequest,
            _sampleResponse ?? throw new PageFormatException(fileName, 1, "no sample response (```http block starting with 'HTTP/1.1')"));
    }

    private Section? Classify(string heading, int line)
    {
        if (heading.StartsWith("Response body", StringComparison.OrdinalIgnoreCase))
        {
            EnterResponseBody(heading, line);
            return Section.ResponseBody;
        }

        if (heading.StartsWith("Request Body", StringComparison.OrdinalIgnoreCase))
        {
            var name = heading.Contains(':', StringComparison.Ordinal) ? heading[(heading.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : string.Empty;
            _requestBodyName = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
            _expectRequestBodyDescription = true;
            return Section.RequestBody;
        }

        return heading switch
        {
            _ when heading.StartsWith("Query", StringComparison.OrdinalIgnoreCase) => Section.Query,
            _ when heading.StartsWith("Request Headers", StringComparison.OrdinalIgnoreCase) => Section.Headers,
            _ when heading.StartsWith("Response", StringComparison.OrdinalIgnoreCase) => Section.Response,
            _ when heading.StartsWith("Sample", StringComparison.OrdinalIgnoreCase) => Section.Samples,
            _ => null,
        };
    }

    private void EnterResponseBody(string text, int line)
    {
        var name = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        if (name.Length == 0)
        {
            throw new PageFormatException(fileName, line, "'Response body:' names no carrier type");
        }

        _responseCarrier = name;
        _responseBodyLine = line;
        _section = Section.ResponseBody;
    }

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index] : string.Empty;

    private static ParameterRow Parameter(string[] cells)
    {
        var description = DescriptionText.Clean(Cell(cells, 2));
        var required = description.EndsWith("Required", StringComparison.Ordinal);
        if (required)
        {
            description = description[..^"Required".Length].TrimEnd();
        }

        return new ParameterRow(cells[0], Cell(cells, 1), description, required);
    }
}
