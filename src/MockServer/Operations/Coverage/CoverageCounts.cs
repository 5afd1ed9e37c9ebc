using System.Collections.Concurrent;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Operations.Coverage;

/// <summary>
/// How many answers of each status the mock gave per operation: one counter per documented (operation, status)
/// pair, counted with one interlocked increment and no allocation, and a table of the rest (a status the catalog does
/// not document for the operation, or a method the route serves that the catalog does not describe, such as
/// <c>PATCH Relation/{id}</c>), made on the first such answer. One for all traffic, one per session.
/// </summary>
internal sealed class CoverageCounts(CatalogOperations operations)
{
    private readonly long[] _counts = new long[operations.StatusCount];
    private ConcurrentDictionary<(string Operation, int Status), long>? _undocumented;

    public CatalogOperations Operations => operations;

    /// <summary>Counts one answer of <paramref name="status"/> to operation <paramref name="operation"/> (its index, or -1 for a method the catalog does not describe).</summary>
    public void Count(int operation, EntityModel model, string method, int status)
    {
        if (operation >= 0)
        {
            var documented = operations.All[operation];
            var slot = Array.IndexOf(documented.Statuses, status);
            if (slot >= 0)
            {
                Interlocked.Increment(ref _counts[documented.Offset + slot]);
                return;
            }
        }

        var name = operation >= 0 ? operations.All[operation].Name : CatalogOperations.NameOf(model, method);
        var undocumented = Volatile.Read(ref _undocumented) ?? LazyInitializer.EnsureInitialized(ref _undocumented, static () => new());
        undocumented.AddOrUpdate((name, status), 1, static (_, count) => count + 1);
    }

    /// <summary>The answers counted so far of a documented status.</summary>
    public long CountOf(CatalogOperation operation, int slot) => Volatile.Read(ref _counts[operation.Offset + slot]);

    /// <summary>The answers of statuses the catalog does not document, by operation and status, ordered.</summary>
    public IReadOnlyList<(string Operation, int Status, long Count)> Undocumented() =>
        [.. (Volatile.Read(ref _undocumented) ?? []).Select(p => (p.Key.Operation, p.Key.Status, p.Value)).OrderBy(u => u.Operation, StringComparer.Ordinal).ThenBy(u => u.Status)];

    /// <summary>Forgets every count.</summary>
    public void Clear()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Volatile.Write(ref _counts[i], 0);
        }

        Volatile.Read(ref _undocumented)?.Clear();
    }
}
