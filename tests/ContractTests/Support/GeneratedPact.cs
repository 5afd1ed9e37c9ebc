using ContractHarness.ContractTests.Consumer;

namespace ContractHarness.ContractTests.Support;

/// <summary>The whole consumer suite written once per test run into a temporary folder, for provider tests.</summary>
internal static class GeneratedPact
{
    private static readonly Lazy<Task<string>> File = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "contract-harness-pacts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return ConsumerInteractions.WriteAllAsync(dir);
    });

    public static Task<string> PathAsync() => File.Value;
}
