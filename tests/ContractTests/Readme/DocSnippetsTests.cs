namespace ContractHarness.ContractTests.Readme;

/// <summary>The snippet checks of <see cref="ReadmeSnippetTests"/>, on a repository folder of their own: each one bites.</summary>
public sealed class DocSnippetsTests : IDisposable
{
    private const string Example = """
        namespace Demo;

        public static class DemoExamples
        {
            public static void Run()
            {
                // README: start
                var answer = 42;
                System.Console.WriteLine(answer);
                // README: end
            }
        }

        """;

    private const string Shown = "```csharp\nvar answer = 42;\nSystem.Console.WriteLine(answer);\n```\n";

    private readonly TempDirectory _repo = new();

    public DocSnippetsTests()
    {
        Directory.CreateDirectory(_repo.Combine("tests", "Demo.Tests", "Readme"));
        Directory.CreateDirectory(_repo.Combine("docs"));
        File.WriteAllText(_repo.Combine("tests", "Demo.Tests", "Readme", "DemoExamples.cs"), Example);
    }

    [Fact]
    public void AnExample_ShownInADocsPage_PassesBothChecks()
    {
        Write("README.md", "# Demo\n");
        Write("docs/start.md", "# Start\n\n" + Shown);

        var (site, examples) = Load();

        examples.Should().ContainKey("start").WhoseValue.File.Should().Be("tests/Demo.Tests/Readme/DemoExamples.cs");
        DocSnippets.UncompiledBlocks(site, examples).Should().BeEmpty();
        DocSnippets.UnshownExamples(site, examples).Should().BeEmpty();
    }

    [Fact]
    public void AnExample_ShownNowhere_IsReported()
    {
        Write("README.md", "# Demo\n\n```bash\nmake mock\n```\n");

        var (site, examples) = Load();

        DocSnippets.UnshownExamples(site, examples).Should().ContainSingle().Which.Should().Contain("'start'").And.Contain("DemoExamples.cs");
    }

    [Theory]
    [InlineData("csharp")]
    [InlineData("cs")]
    [InlineData("C#")]
    public void ACSharpBlock_ThatIsNoExample_IsReported_WhateverItsTag(string tag)
    {
        Write("README.md", "# Demo\n\n" + Shown);
        Write("docs/other.md", $"# Other\n\n```{tag}\nvar answer = 43; // edited in the page, not in the example\n```\n");

        var (site, examples) = Load();

        DocSnippets.UncompiledBlocks(site, examples).Should().ContainSingle().Which.Should().StartWith("docs/other.md:").And.Contain("var answer = 43;");
    }

    [Fact]
    public void ABlockThatDiffersByOneCharacter_IsReported()
    {
        Write("README.md", "# Demo\n\n" + Shown.Replace("42", "41", StringComparison.Ordinal));

        var (site, examples) = Load();

        DocSnippets.UncompiledBlocks(site, examples).Should().ContainSingle();
        DocSnippets.UnshownExamples(site, examples).Should().ContainSingle();
    }

    [Fact]
    public void TwoExamplesOfOneName_AreRefused()
    {
        File.WriteAllText(_repo.Combine("tests", "Demo.Tests", "Readme", "MoreExamples.cs"), Example.Replace("DemoExamples", "MoreExamples", StringComparison.Ordinal));

        var load = () => DocSnippets.Load(_repo.Path);

        load.Should().Throw<InvalidOperationException>().WithMessage("*'start'*DemoExamples.cs*MoreExamples.cs*");
    }

    public void Dispose() => _repo.Dispose();

    private void Write(string path, string text) => File.WriteAllText(_repo.Combine(path.Split('/')), text);

    private (DocsSite Site, IReadOnlyDictionary<string, (string File, string Code)> Examples) Load() =>
        (DocsSite.Load(_repo.Path), DocSnippets.Load(_repo.Path));
}
