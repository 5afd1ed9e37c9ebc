using Xunit.Abstractions;

namespace ContractHarness.Pact.Tests.Support;

/// <summary>Routes engine logs and reports to the test's own output.</summary>
public sealed class XunitOutput(ITestOutputHelper output) : IPactOutput
{
    public void WriteLine(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; nothing to attach the line to.
        }
    }
}
