using ContractHarness.ProviderVerifier;

namespace ContractHarness.ContractTests.ProviderVerifier;

/// <summary>How `make verify-provider` reads its environment: defaults, blanks and refusals.</summary>
public sealed class VerificationOptionsTests
{
    private static VerificationOptions Read(params (string Name, string Value)[] variables)
    {
        var env = variables.ToDictionary(v => v.Name, v => v.Value);
        return VerificationOptions.FromEnvironment(env.GetValueOrDefault);
    }

    [Fact]
    public void OnlyABaseUrl_GivesTheDefaults()
    {
        var options = Read(("PROVIDER_BASE_URL", "http://127.0.0.1:5080"));

        options.Authorization.Should().BeNull();
        options.StateChangeUrl.Should().BeNull();
        options.StatesFile.Should().BeNull();
        options.PactSource.Should().Be(Path.Combine("contracts", "pacts"));
        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void BlankValues_CountAsUnset_AndPactDirIsUsedWithoutPactFile()
    {
        var options = Read(("PROVIDER_BASE_URL", "http://127.0.0.1:5080"), ("PROVIDER_AUTH", "  "), ("PROVIDER_STATES", ""),
            ("PACT_FILE", " "), ("PACT_DIR", "other/pacts"));

        options.Authorization.Should().BeNull();
        options.StatesFile.Should().BeNull();
        options.PactSource.Should().Be("other/pacts");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("soon")]
    public void ATimeoutThatIsNoPositiveNumber_KeepsTheDefault(string seconds)
    {
        var options = Read(("PROVIDER_BASE_URL", "http://127.0.0.1:5080"), ("PROVIDER_TIMEOUT_SECONDS", seconds));

        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("/api")]
    public void ARelativeBaseUrl_IsRefused(string url)
    {
        var act = () => Read(("PROVIDER_BASE_URL", url));

        act.Should().Throw<ArgumentException>().WithMessage("PROVIDER_BASE_URL must be set to the provider's absolute URL*");
    }

    [Fact]
    public void ARelativeStateUrl_IsRefusedNamingTheVariable()
    {
        var act = () => Read(("PROVIDER_BASE_URL", "http://127.0.0.1:5080"), ("PROVIDER_STATE_URL", "__admin/provider-states"));

        act.Should().Throw<ArgumentException>().WithMessage("PROVIDER_STATE_URL must be an absolute URL*__admin/provider-states*");
    }
}
