namespace ContractHarness.ContractTests.Readme;

/// <summary>The checks of <see cref="DocsLinkTests"/>, on a repository folder of their own: each one bites, and none cries wolf.</summary>
public sealed class DocsSiteTests : IDisposable
{
    private const string GoodFrontPage = """
        # Demo

        ```bash
        make mock
        make test
        ```

        ```console
        $ curl -s http://127.0.0.1:5080/api/v1/Contact/66
        {"ContactId":66}
        ```

        Every page is listed in [docs/README.md](docs/README.md).

        """;

    private const string StartHeadings = "# Start\n\n## Where to add `X`: a table\n\n";

    private readonly TempDirectory _repo = new();

    public DocsSiteTests()
    {
        Directory.CreateDirectory(_repo.Combine("docs"));
        Directory.CreateDirectory(_repo.Combine("bench"));
        Write("README.md", GoodFrontPage);
        Write("bench/README.md", "# Bench\n");
        Write("docs/README.md", "# Docs\n\n- [Start](start.md)\n");
        Write("docs/start.md", StartHeadings + "See [deeper](deeper.md#the-end) and [the bench](../bench/).\n");
        Write("docs/deeper.md", "# Deeper\n\n## The end\n\nBack to [the top](#deeper) or [start](./start.md#where-to-add-x-a-table).\n");
    }

    [Fact]
    public void AWellLinkedSite_HasNoProblems()
    {
        var site = DocsSite.Load(_repo.Path);

        site.Pages.Keys.Should().BeEquivalentTo("README.md", "docs/README.md", "docs/start.md", "docs/deeper.md");
        site.UnreachablePages().Should().BeEmpty("docs/deeper.md is reached through docs/start.md");
        site.BrokenLinks().Should().BeEmpty();
        site.FrontPageProblems().Should().BeEmpty();
    }

    [Fact]
    public void APageNoLinkReaches_IsUnreachable()
    {
        Write("docs/orphan.md", "# Orphan\n\n[back](README.md)\n");
        Write("docs/start.md", StartHeadings + "```bash\n# [in code, not a link](../docs/orphan.md)\n```\n\nSee [deeper](deeper.md).\n");

        DocsSite.Load(_repo.Path).UnreachablePages().Should().BeEquivalentTo("docs/orphan.md");
    }

    [Fact]
    public void WithoutAnIndex_EveryPageIsUnreachable()
    {
        File.Delete(_repo.Combine("docs", "README.md"));

        DocsSite.Load(_repo.Path).UnreachablePages().Should().BeEquivalentTo("docs/start.md", "docs/deeper.md");
    }

    [Theory]
    [InlineData("[missing](missing.md)", "points to docs/missing.md, which does not exist")]
    [InlineData("[a folder](../nothing/)", "points to nothing, which does not exist")]
    [InlineData("[escape](../../elsewhere.md)", "points outside the repository")]
    [InlineData("[anchor](deeper.md#no-such-heading)", "the heading #no-such-heading of docs/deeper.md")]
    [InlineData("[own anchor](#nowhere)", "the heading #nowhere of docs/start.md")]
    [InlineData("![image](img/missing.png)", "points to docs/img/missing.png")]
    [InlineData("[ref]: ../LICENSE", "points to LICENSE, which does not exist")]
    public void ALinkToNothing_IsBroken(string link, string problem)
    {
        Write("docs/start.md", StartHeadings + $"{link}\n\n[deeper](deeper.md)\n");

        DocsSite.Load(_repo.Path).BrokenLinks().Should().ContainSingle().Which.Should().StartWith("docs/start.md:").And.Contain(problem);
    }

    [Fact]
    public void ABrokenLinkOfTheFrontPage_IsBroken()
    {
        Write("README.md", GoodFrontPage + "\n[guide](docs/guide.md)\n");

        DocsSite.Load(_repo.Path).BrokenLinks().Should().ContainSingle().Which.Should().Be("README.md: (docs/guide.md) points to docs/guide.md, which does not exist");
    }

    [Fact]
    public void ExternalLinksAndCode_AreNotChecked()
    {
        Write("docs/start.md", StartHeadings + "[web](https://example.org/x.md) [mail](mailto:a@b.c) `[code](missing.md)`\n\n~~~\n[fenced](missing.md)\n~~~\n\n[deeper](deeper.md)\n");

        DocsSite.Load(_repo.Path).BrokenLinks().Should().BeEmpty();
    }

    [Fact]
    public void RepeatedHeadings_GetNumberedAnchors()
    {
        DocsSite.Anchors("# Usage\n\n## Options\n\n## Options\n\n### Every request: `--latency` (ms)\n")
            .Should().BeEquivalentTo("usage", "options", "options-1", "every-request---latency-ms");
    }

    [Fact]
    public void AFrontPageOver200Lines_IsReported()
    {
        Write("README.md", GoodFrontPage + string.Concat(Enumerable.Repeat("a line of reference\n", 200)));

        DocsSite.Load(_repo.Path).FrontPageProblems().Should().ContainSingle().Which.Should().Contain("at most 200");
    }

    [Theory]
    [InlineData("make mock", "make mock")]
    [InlineData("make test", "make test")]
    [InlineData("$ curl -s", "a curl request")]
    [InlineData("{\"ContactId\":66}", "the answer of a request")]
    public void AFirstScreenWithout_IsReported(string removed, string lacking)
    {
        Write("README.md", GoodFrontPage.Replace(removed, "…", StringComparison.Ordinal));

        DocsSite.Load(_repo.Path).FrontPageProblems().Should().ContainSingle().Which.Should().Contain("first 40 lines").And.Contain(lacking);
    }

    [Fact]
    public void WhatComesAfterTheFirstScreen_DoesNotCount()
    {
        Write("README.md", "# Demo\n" + string.Concat(Enumerable.Repeat("prose\n", 40)) + GoodFrontPage);

        DocsSite.Load(_repo.Path).FrontPageProblems().Should().HaveCount(4);
    }

    [Fact]
    public void AFrontPageWithoutALinkToTheIndex_IsReported()
    {
        Write("README.md", GoodFrontPage.Replace("[docs/README.md](docs/README.md)", "docs/README.md", StringComparison.Ordinal));

        DocsSite.Load(_repo.Path).FrontPageProblems().Should().ContainSingle().Which.Should().Contain("does not link to docs/README.md");
    }

    public void Dispose() => _repo.Dispose();

    private void Write(string path, string text) => File.WriteAllText(_repo.Combine(path.Split('/')), text);
}
