namespace ContractHarness.Contracts.Reporting;

/// <summary>
/// A JUnit XML report as CI systems read it: suites of test cases, each passed, failed, errored or skipped. The
/// provider verification, <c>make drift</c> and <c>make compat</c> build one and <see cref="JUnitWriter"/> writes it.
/// </summary>
internal sealed record JUnitReport(string Name, IReadOnlyList<JUnitSuite> Suites)
{
    public int Tests => Suites.Sum(s => s.Tests);

    public int Failures => Suites.Sum(s => s.Failures);

    public int Errors => Suites.Sum(s => s.Errors);

    public int Skipped => Suites.Sum(s => s.Skipped);

    public TimeSpan Time => Suites.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Time);
}

/// <summary>One <c>testsuite</c>: its counts follow from its cases.</summary>
internal sealed record JUnitSuite(string Name, IReadOnlyList<JUnitCase> Cases)
{
    public int Tests => Cases.Count;

    public int Failures => Cases.Count(c => c.Failure is not null);

    public int Errors => Cases.Count(c => c.Failure is null && c.Error is not null);

    public int Skipped => Cases.Count(c => c.Failure is null && c.Error is null && c.Skipped is not null);

    public TimeSpan Time => Cases.Aggregate(TimeSpan.Zero, (sum, c) => sum + (c.Time ?? TimeSpan.Zero));
}

/// <summary>
/// One <c>testcase</c>. It passed unless it has a <see cref="Failure"/> (what was checked does not hold), an
/// <see cref="Error"/> (it could not be checked) or a <see cref="Skipped"/> reason; <see cref="Output"/> goes to
/// <c>system-out</c> (notes that do not fail it).
/// </summary>
internal sealed record JUnitCase(string ClassName, string Name)
{
    public TimeSpan? Time { get; init; }

    public JUnitProblem? Failure { get; init; }

    public JUnitProblem? Error { get; init; }

    public string? Skipped { get; init; }

    public string? Output { get; init; }
}

/// <summary>
/// A failure or an error: <paramref name="Message"/> is the line a CI page shows, <paramref name="Type"/> a short kind
/// (<c>mismatch</c>, <c>breaking-change</c>), <paramref name="Details"/> the whole text (the message when null).
/// </summary>
internal sealed record JUnitProblem(string Message, string Type, string? Details = null);
