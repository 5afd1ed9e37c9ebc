using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractHarness.ContractTests.Readme;

/// <summary>
/// The documentation of a repository folder: the front page (<c>README.md</c>) and the pages of <c>docs/</c>, read as
/// Markdown, with what the docs tests ask of them: relative links and anchors that exist, every page reachable from the
/// index, a short front page that starts a mock on its first screen, and the C# blocks. Everything is computed from
/// the folder given, so the tests can prove each check on a folder of their own.
/// </summary>
public sealed partial class DocsSite
{
    public const string FrontPage = "README.md";
    public const string Index = "docs/README.md";
    public const int FrontPageMaxLines = 200;
    public const int FirstScreenLines = 40;

    private readonly Dictionary<string, HashSet<string>> _anchors = new(StringComparer.Ordinal);

    private DocsSite(string root, SortedDictionary<string, string> pages)
    {
        Root = Path.GetFullPath(root);
        Pages = pages;
    }

    /// <summary>The folder the pages were read from.</summary>
    public string Root { get; }

    /// <summary>Each page's text with LF line endings, by its path relative to <see cref="Root"/> with <c>/</c>.</summary>
    public IReadOnlyDictionary<string, string> Pages { get; }

    /// <summary>Reads <c>README.md</c> (when there) and every <c>docs/*.md</c> of <paramref name="root"/>.</summary>
    public static DocsSite Load(string root)
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(Path.Combine(root, FrontPage)))
        {
            pages[FrontPage] = File.ReadAllText(Path.Combine(root, FrontPage)).ReplaceLineEndings("\n");
        }

        var docs = Path.Combine(root, "docs");
        foreach (var file in Directory.Exists(docs) ? Directory.GetFiles(docs, "*.md") : [])
        {
            pages["docs/" + Path.GetFileName(file)] = File.ReadAllText(file).ReplaceLineEndings("\n");
        }

        return new DocsSite(root, pages);
    }

    /// <summary>Every relative link or anchor of a page that points at nothing: a missing file or folder, a missing heading.</summary>
    public IReadOnlyList<string> BrokenLinks()
    {
        var broken = new List<string>();
        foreach (var (page, text) in Pages)
        {
            foreach (var link in Links(text))
            {
                var problem = Check(page, link);
                if (problem is not null)
                {
                    broken.Add($"{page}: ({link}) {problem}");
                }
            }
        }

        return broken;
    }

    /// <summary>The pages of <c>docs/</c> that no chain of relative links from <see cref="Index"/> reaches.</summary>
    public IReadOnlyList<string> UnreachablePages()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (Pages.ContainsKey(Index))
        {
            reached.Add(Index);
            queue.Enqueue(Index);
        }

        while (queue.TryDequeue(out var page))
        {
            foreach (var target in Links(Pages[page]).Select(l => Resolve(page, l).Path).OfType<string>())
            {
                if (Pages.ContainsKey(target) && reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return [.. Pages.Keys.Where(p => p.StartsWith("docs/", StringComparison.Ordinal) && !reached.Contains(p))];
    }

    /// <summary>What the front page lacks: at most 200 lines; make mock, make test, a curl and its answer in the first 40; a link to the index.</summary>
    public IReadOnlyList<string> FrontPageProblems()
    {
        if (!Pages.TryGetValue(FrontPage, out var text))
        {
            return [$"there is no {FrontPage}"];
        }

        var problems = new List<string>();
        var lines = text.TrimEnd('\n').Split('\n');
        if (lines.Length > FrontPageMaxLines)
        {
            problems.Add($"{FrontPage} has {lines.Length} lines; a front page has at most {FrontPageMaxLines}: move the reference into docs/");
        }

        var screen = lines.Take(FirstScreenLines).ToList();
        foreach (var (what, found) in new (string, bool)[]
        {
            ("make mock", screen.Any(l => l.Contains("make mock", StringComparison.Ordinal))),
            ("make test", screen.Any(l => l.Contains("make test", StringComparison.Ordinal))),
            ("a curl request", screen.Any(l => CurlCommand().IsMatch(l))),
            ("the answer of a request (a status line or a JSON body)", screen.Any(l => l.StartsWith("HTTP/", StringComparison.Ordinal) || l.StartsWith('{'))),
        })
        {
            if (!found)
            {
                problems.Add($"the first {FirstScreenLines} lines of {FrontPage} lack {what}");
            }
        }

        if (!Links(text).Any(l => Resolve(FrontPage, l).Path == Index))
        {
            problems.Add($"{FrontPage} does not link to {Index}");
        }

        return problems;
    }

    /// <summary>The C# blocks of every page (fenced as <c>csharp</c>, <c>cs</c> or <c>c#</c>), with LF line endings.</summary>
    public IEnumerable<(string Page, string Block)> CSharpBlocks() =>
        Pages.SelectMany(p => Fences(p.Value).Where(f => CSharpInfo().IsMatch(f.Info)).Select(f => (p.Key, f.Body)));

    /// <summary>The relative link targets of a Markdown text, outside code: inline links, images and reference definitions.</summary>
    public static IEnumerable<string> Links(string text)
    {
        var prose = InlineCode().Replace(Prose(text), string.Empty);
        return InlineLink().Matches(prose).Select(m => m.Groups[1].Value)
            .Concat(ReferenceDefinition().Matches(prose).Select(m => m.Groups[1].Value))
            .Where(target => !ExternalTarget().IsMatch(target));
    }

    /// <summary>The anchors GitHub gives the headings of a Markdown text (lower case, punctuation dropped, spaces as <c>-</c>, repeats numbered).</summary>
    public static HashSet<string> Anchors(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(Prose(text)))
        {
            var words = LinkText().Replace(heading.Groups[1].Value.Trim().TrimEnd('#').Trim(), "$1");
            var slug = new StringBuilder();
            foreach (var c in words.ToLowerInvariant())
            {
                if (c == ' ')
                {
                    slug.Append('-');
                }
                else if (char.IsLetterOrDigit(c) || c is '-' or '_')
                {
                    slug.Append(c);
                }
            }

            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            }
        }

        return anchors;
    }

    private string? Check(string page, string link)
    {
        var (path, anchor, problem) = Resolve(page, link);
        if (problem is not null)
        {
            return problem;
        }

        var full = Path.Combine(Root, path!);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            return $"points to {path}, which does not exist";
        }

        if (anchor is null || !path!.EndsWith(".md", StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        if (!_anchors.TryGetValue(path, out var anchors))
        {
            anchors = Anchors(Pages.TryGetValue(path, out var text) ? text : File.ReadAllText(full).ReplaceLineEndings("\n"));
            _anchors[path] = anchors;
        }

        return anchors.Contains(anchor) ? null : $"points to the heading #{anchor} of {path}, which has none of that name";
    }

    /// <summary>A link's target as a path relative to <see cref="Root"/> (with <c>/</c>) and its anchor, or why it cannot be one.</summary>
    private (string? Path, string? Anchor, string? Problem) Resolve(string page, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var target = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        if (target.Length == 0)
        {
            return (page, anchor, null);
        }

        var full = Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(page) ?? string.Empty, target));
        var relative = Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? (null, null, "points outside the repository")
            : (relative.TrimEnd('/'), anchor, null);
    }

    /// <summary>The text with the lines of fenced code blocks emptied (line numbers kept), so code is neither heading nor link.</summary>
    private static string Prose(string text)
    {
        var lines = text.Split('\n');
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var opening = FenceLine().Match(lines[i]);
            if (fence is null && opening.Success)
            {
                fence = opening.Groups[1].Value;
                lines[i] = string.Empty;
            }
            else if (fence is not null)
            {
                if (lines[i].TrimStart().StartsWith(fence, StringComparison.Ordinal) && lines[i].Trim().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }

                lines[i] = string.Empty;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The fenced code blocks of a text: the info string after the opening fence and the lines up to the closing one.</summary>
    private static IEnumerable<(string Info, string Body)> Fences(string text)
    {
        string? fence = null;
        var info = string.Empty;
        var body = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var opening = FenceLine().Match(line);
            if (fence is null && opening.Success)
            {
                (fence, info) = (opening.Groups[1].Value, opening.Groups[2].Value.Trim());
                body.Clear();
            }
            else if (fence is not null && line.TrimStart().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
            {
                yield return (info, body.ToString());
                fence = null;
            }
            else if (fence is not null)
            {
                body.Append(line).Append('\n');
            }
        }
    }

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})(.*)$")]
    private static partial Regex FenceLine();

    [GeneratedRegex(@"^(csharp|cs|c#)(\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpInfo();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*<?([^()\s<>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex ExternalTarget();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)|[`*]")]
    private static partial Regex LinkText();

    [GeneratedRegex(@"(^|[\s$`])curl\s+\S")]
    private static partial Regex CurlCommand();
}
