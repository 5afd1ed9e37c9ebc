using System.Reflection;
using System.Text.RegularExpressions;
using ContractHarness.TestSupport;

namespace ContractHarness.PublicApi.Tests;

/// <summary>One name per thing: folder, assembly and root namespace agree, and test names cannot be mistaken for one another.</summary>
public sealed partial class NamingTests
{
    public static TheoryData<string> Assemblies => PublicApiTests.Assemblies;

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void EveryNamespaceOfAProduct_StartsWithItsAssemblyName(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        var stray = assembly.GetTypes().Select(t => t.Namespace).Where(n => n is not null && !n.StartsWith("<", StringComparison.Ordinal) && !n.StartsWith("Microsoft.", StringComparison.Ordinal) && !n.StartsWith("System.", StringComparison.Ordinal))
            .Where(n => n != assemblyName && !n!.StartsWith(assemblyName + ".", StringComparison.Ordinal)).Distinct().ToList();

        stray.Should().BeEmpty($"every namespace of {assemblyName} starts with its assembly name");
    }

    [Fact]
    public void EverySourceProject_LivesInTheFolderItsAssemblyIsNamedAfter()
    {
        foreach (var project in Directory.GetFiles(RepoRoot.Combine("src"), "*.csproj", SearchOption.AllDirectories))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(project)!);
            Path.GetFileNameWithoutExtension(project).Should().Be("ContractHarness." + folder, $"{project}: folder, project and assembly agree");
        }
    }

    [Fact]
    public void NoTwoTestClasses_ShareAName()
    {
        var classes = Directory.GetFiles(RepoRoot.Combine("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TestClass().Matches(File.ReadAllText(f)).Select(m => (Name: m.Groups[1].Value, File: f)))
            .ToList();

        classes.Should().HaveCountGreaterThan(100);
        classes.GroupBy(c => c.Name).Where(g => g.Select(c => c.File).Distinct().Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.File))}")
            .Should().BeEmpty("test class names are unique across the solution");
    }

    [Fact]
    public void NoTwoTestProjects_DifferOnlyByPunctuationOrAPluralS()
    {
        var projects = Directory.GetDirectories(RepoRoot.Combine("tests")).Select(Path.GetFileName).ToList();

        projects.GroupBy(p => new string([.. p!.Where(char.IsLetterOrDigit)]).ToUpperInvariant()).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g))
            .Should().BeEmpty();
        projects.GroupBy(p => new string([.. p!.ToUpperInvariant().Where(c => char.IsLetterOrDigit(c) && c != 'S')]))
            .Where(g => g.Count() > 1).Select(g => string.Join(" / ", g))
            .Should().BeEmpty("names that differ by punctuation or a plural s (Contracts.Tests beside ContractTests) are mistaken for one another");
    }

    [GeneratedRegex(@"^(?:public |internal )?(?:sealed |abstract |partial |static )*class (\w+Tests)\b", RegexOptions.Multiline)]
    private static partial Regex TestClass();
}
