using System.Collections.Concurrent;
using System.Text;

namespace ContractHarness.TestSupport.Fuzz;

/// <summary>What went wrong with one case, with its reproduction.</summary>
internal sealed record FuzzFinding(string Kind, int Index, int Status, string Request, string Response);

/// <summary>The figures of one category: requests tried and every kind of broken promise, with a few reproductions.</summary>
internal sealed class FuzzTally(string category, int seed)
{
    public const string ServerError = "5xx";
    public const string BadErrorBody = "4xx without the error body";
    public const string ChangedOnRefusal = "refusal changed the entity";
    public const string AcceptedHostile = "hostile request accepted";
    public const string WrongRefusal = "refused with the wrong status";
    public const string UpdateNotApplied = "valid update refused or not applied";
    public const string Unsendable = "request could not be sent";

    /// <summary>The kinds that must never happen; every one is counted in the table.</summary>
    public static readonly string[] Kinds = [ServerError, BadErrorBody, ChangedOnRefusal, AcceptedHostile, WrongRefusal, UpdateNotApplied, Unsendable];

    private const int KeptPerKind = 3;
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentQueue<FuzzFinding> _kept = new();
    private int _requests;

    public string Category => category;

    public int Seed => seed;

    public int Requests => _requests;

    public int Count(string kind) => _counts.GetValueOrDefault(kind);

    public int Failures => _counts.Values.Sum();

    public void Tried() => Interlocked.Increment(ref _requests);

    public void Add(FuzzFinding finding)
    {
        if (_counts.AddOrUpdate(finding.Kind, 1, (_, n) => n + 1) <= KeptPerKind)
        {
            _kept.Enqueue(finding);
        }
    }

    /// <summary>The failure text: the seed to replay, the counts, and the kept reproductions (lowest case index first).</summary>
    public string Explain()
    {
        var text = new StringBuilder($"Category {category} (replay: FUZZ_SEED={seed}) failed {Failures} of {Requests} cases.");
        text.AppendLine();
        foreach (var kind in Kinds.Where(k => Count(k) > 0))
        {
            text.AppendLine($"  {kind}: {Count(kind)}");
        }

        foreach (var finding in _kept.OrderBy(f => f.Kind).ThenBy(f => f.Index))
        {
            text.AppendLine($"- [{finding.Kind}] case {finding.Index}: {finding.Request}");
            text.AppendLine($"    -> {finding.Status} {finding.Response}");
        }

        return text.ToString();
    }
}
