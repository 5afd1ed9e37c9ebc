using System.Reflection;

namespace ContractHarness.Pact.Cli;

/// <summary>
/// Finds the <c>pact</c> CLI, in order: <c>$PACT_CLI</c>; the path the build recorded (assembly metadata
/// <c>PactCliPath</c>, from the repository's pinned npm package); <c>node_modules/@pact-foundation/pact-cli-linux-x64/
/// standalone/pact</c> in each parent of this assembly's folder and of the current directory.
/// </summary>
internal static class PactCliLocator
{
    internal const string NodeModulesPath = "node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact";

    public static IEnumerable<string> Candidates()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PACT_CLI");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            yield return fromEnvironment;
        }

        var fromBuild = typeof(PactCliLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PactCliPath")?.Value;
        if (!string.IsNullOrWhiteSpace(fromBuild))
        {
            yield return fromBuild;
        }

        var assemblyFolder = Path.GetDirectoryName(typeof(PactCliLocator).Assembly.Location);
        foreach (var start in new[] { assemblyFolder, Directory.GetCurrentDirectory() })
        {
            for (var folder = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                yield return Path.Combine(folder.FullName, NodeModulesPath);
            }
        }
    }

    public static string Locate()
    {
        var candidates = Candidates().ToList();
        return candidates.FirstOrDefault(File.Exists) is { } found
            ? Path.GetFullPath(found)
            : throw new FileNotFoundException(
                "The pact CLI was not found. Run `npm ci` in the repository root or set PACT_CLI. Looked at:" + Environment.NewLine + string.Join(Environment.NewLine, candidates.Distinct()));
    }
}
