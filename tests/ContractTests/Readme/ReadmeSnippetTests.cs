namespace ContractHarness.ContractTests.Readme;

/// <summary>
/// Every C# block of README.md and of docs/*.md is a copy of a compiled example (a block of a <c>tests/*/Readme/*Example*.cs</c>
/// file between <c>// README: name</c> and <c>// README: end</c>), and every example is in at least one of those pages.
/// To change an example, edit it there and paste it into the page. <see cref="DocSnippetsTests"/> proves both checks bite.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private static readonly DocsSite Site = DocsSite.Load(RepoRoot.Path);

    [Fact]
    public void EveryCSharpBlockOfTheDocs_IsACompiledExample()
    {
        Site.CSharpBlocks().Should().NotBeEmpty();
        Site.CSharpBlocks().Should().Contain(b => b.Page == DocsSite.FrontPage, "the front page shows how to start the mock from C#");

        var uncompiled = DocSnippets.UncompiledBlocks(Site, DocSnippets.Load(RepoRoot.Path));
        uncompiled.Should().BeEmpty("a C# block of the docs is pasted from a compiled example:\n{0}", string.Join("\n", uncompiled));
    }

    [Fact]
    public void EveryExample_IsInTheDocs()
    {
        var examples = DocSnippets.Load(RepoRoot.Path);

        examples.Should().NotBeEmpty();
        var unshown = DocSnippets.UnshownExamples(Site, examples);
        unshown.Should().BeEmpty("every compiled example is shown by a page:\n{0}", string.Join("\n", unshown));
    }
}
