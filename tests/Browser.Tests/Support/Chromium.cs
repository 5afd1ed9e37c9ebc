namespace ContractHarness.Browser.Tests.Support;

/// <summary>
/// The browser the tests drive: Debian's Chromium, not one Playwright downloads (Playwright's driver comes with its
/// NuGet package; its browser builds would be another download per machine). <c>CONTRACTHARNESS_CHROMIUM</c> names
/// another binary.
/// </summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string Path => Environment.GetEnvironmentVariable("CONTRACTHARNESS_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>The binary's path, or the one message that says what to install (the tests fail with it rather than skip).</summary>
    public static string Require() => Require(Path);

    public static string Require(string path) => File.Exists(path) ? path : throw new InvalidOperationException(
        $"The browser tests need Chromium at {path}, which is missing. Install it with 'make tools' as root "
        + "(or 'apt-get install chromium' on Debian/Ubuntu), or set CONTRACTHARNESS_CHROMIUM to a Chromium binary.");
}
