using ContractHarness.Browser.Tests.Support;

namespace ContractHarness.Browser.Tests;

/// <summary>Without Chromium the browser tests fail, saying what to install, instead of skipping.</summary>
public sealed class ChromiumTests
{
    [Fact]
    public void Require_AMissingBinary_FailsSayingWhatToInstall()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "chromium");

        var require = () => Chromium.Require(missing);

        require.Should().Throw<InvalidOperationException>().WithMessage($"*{missing}*apt-get install chromium*CONTRACTHARNESS_CHROMIUM*");
    }

    [Fact]
    public void Require_AnExistingBinary_IsItsPath()
    {
        var present = Path.GetTempFileName();

        Chromium.Require(present).Should().Be(present);
        File.Delete(present);
    }
}
