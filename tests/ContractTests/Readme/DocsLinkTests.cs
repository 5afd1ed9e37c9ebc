namespace ContractHarness.ContractTests.Readme;

/// <summary>
/// The docs hold together: every page of docs/ is reachable from docs/README.md, every relative link and anchor of
/// README.md and docs/*.md points at something that exists, and README.md is a front page (at most 200 lines; make mock,
/// make test, a curl and its answer in its first 40). <see cref="DocsSiteTests"/> proves each check bites.
/// </summary>
public sealed class DocsLinkTests
{
    private static readonly DocsSite Site = DocsSite.Load(RepoRoot.Path);

    [Fact]
    public void EveryDocsPage_IsReachableFromTheIndex()
    {
        Site.Pages.Should().ContainKey(DocsSite.Index);
        Site.Pages.Keys.Count(p => p.StartsWith("docs/", StringComparison.Ordinal)).Should().BeGreaterThan(5);

        var unreachable = Site.UnreachablePages();
        unreachable.Should().BeEmpty("every page of docs/ is listed in docs/README.md or linked from a page that is; not reached:\n{0}", string.Join("\n", unreachable));
    }

    [Fact]
    public void EveryRelativeLink_PointsAtSomethingThatExists()
    {
        Site.Pages.Values.Sum(p => DocsSite.Links(p).Count()).Should().BeGreaterThan(20);

        var broken = Site.BrokenLinks();
        broken.Should().BeEmpty("a relative link points at a file, a folder or a heading that exists; broken:\n{0}", string.Join("\n", broken));
    }

    [Fact]
    public void TheFrontPage_IsShort_AndRunsAMockOnItsFirstScreen()
    {
        var problems = Site.FrontPageProblems();
        problems.Should().BeEmpty("README.md is a front page:\n{0}", string.Join("\n", problems));
    }
}
