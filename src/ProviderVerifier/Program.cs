using ContractHarness.ProviderVerifier;

// make verify-provider PROVIDER_BASE_URL=https://... PROVIDER_AUTH='Bearer ...' [PROVIDER_STATE_URL=... | PROVIDER_STATES=states.json] [JUNIT=report.xml]
try
{
    var options = VerificationOptions.FromEnvironment(Environment.GetEnvironmentVariable);
    var result = await ProviderVerification.RunAsync(options, Console.Out);
    return result.ExitCode;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
catch (ProviderUnreachableException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 3;
}
catch (IOException ex)
{
    // the JUnit report could not be written (the verification itself ran and printed its report)
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
