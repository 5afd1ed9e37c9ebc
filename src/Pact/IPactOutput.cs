namespace ContractHarness.Pact;

/// <summary>A place to write diagnostics to, such as an xunit <c>ITestOutputHelper</c>.</summary>
public interface IPactOutput
{
    /// <summary>Writes one line (which may itself contain line breaks).</summary>
    void WriteLine(string line);
}
