namespace ContractHarness.Contracts.Generator.Pages;

/// <summary>A reference page breaks the expectations of the reader. The message names the page and line.</summary>
internal sealed class PageFormatException : Exception
{
    public PageFormatException(string fileName, int line, string problem)
        : base($"{fileName}:{line}: {problem}")
    {
        FileName = fileName;
        Line = line;
        Problem = problem;
    }

    /// <summary>The page's file name.</summary>
    public string FileName { get; }

    /// <summary>One-based line number where the problem was found.</summary>
    public int Line { get; }

    /// <summary>What was wrong, without the location.</summary>
    public string Problem { get; }
}
