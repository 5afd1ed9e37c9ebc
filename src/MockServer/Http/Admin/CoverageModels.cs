using System.Globalization;
using ContractHarness.MockServer.Operations.Coverage;

namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// Answer of <c>GET /__admin/coverage</c>: for every catalog operation the answers of each status it documents,
/// the documented pairs never answered (<c>uncovered</c>), and the answers of statuses the catalog does not document
/// (<c>undocumented</c>). <c>session</c> names the session counted; null for all traffic.
/// </summary>
internal sealed record CoverageModel(
    string? Session,
    int Documented,
    int Covered,
    IReadOnlyList<OperationCoverageModel> Operations,
    IReadOnlyList<string> Uncovered,
    IReadOnlyList<UndocumentedStatusModel> Undocumented)
{
    /// <summary>The coverage <paramref name="counts"/> holds (null: nothing answered yet) of <paramref name="operations"/>.</summary>
    public static CoverageModel Of(string? session, CatalogOperations operations, CoverageCounts? counts)
    {
        var models = new List<OperationCoverageModel>(operations.All.Count);
        var uncovered = new List<string>();
        foreach (var operation in operations.All)
        {
            var statuses = new Dictionary<string, long>(operation.Statuses.Length);
            for (var slot = 0; slot < operation.Statuses.Length; slot++)
            {
                var status = operation.Statuses[slot];
                var count = counts?.CountOf(operation, slot) ?? 0;
                statuses[status.ToString(CultureInfo.InvariantCulture)] = count;
                if (count == 0)
                {
                    uncovered.Add($"{operation.Name} {status.ToString(CultureInfo.InvariantCulture)}");
                }
            }

            models.Add(new OperationCoverageModel(operation.Name, statuses));
        }

        var undocumented = counts?.Undocumented().Select(u => new UndocumentedStatusModel(u.Operation, u.Status, u.Count)).ToList() ?? [];
        return new CoverageModel(session, operations.StatusCount, operations.StatusCount - uncovered.Count, models, uncovered, undocumented);
    }
}

/// <summary>One operation's answers by documented status, in status order, e.g. <c>{"200": 12, "404": 1, "409": 0}</c>.</summary>
internal sealed record OperationCoverageModel(string Operation, IReadOnlyDictionary<string, long> Statuses);

/// <summary>Answers of a status the catalog does not document for the operation (or of an operation it does not describe).</summary>
internal sealed record UndocumentedStatusModel(string Operation, int Status, long Count);
