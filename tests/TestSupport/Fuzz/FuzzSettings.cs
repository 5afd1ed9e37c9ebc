namespace ContractHarness.TestSupport.Fuzz;

/// <summary>
/// The sizes of a run: small in <c>make test</c>, large in <c>make fuzz</c>, which sets the environment variables.
/// A run's seed is new each time unless <c>FUZZ_SEED</c> replays one; failures print it.
/// </summary>
internal static class FuzzSettings
{
    public static int Seed { get; } = Read("FUZZ_SEED", Random.Shared.Next(1, int.MaxValue));

    /// <summary>Hostile requests per category (<c>make test</c>: 200 each, a few thousand in all).</summary>
    public static int RequestsPerCategory { get; } = Read("FUZZ_REQUESTS_PER_CATEGORY", 200);

    /// <summary>SIGKILL rounds of the crash test.</summary>
    public static int KillRounds { get; } = Read("FUZZ_KILL_ROUNDS", 3);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
