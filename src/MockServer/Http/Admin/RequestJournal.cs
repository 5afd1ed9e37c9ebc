namespace ContractHarness.MockServer.Http.Admin;

/// <summary>The most recent requests (a bounded ring: the oldest entry goes when it is full).</summary>
internal sealed class RequestJournal(int capacity)
{
    private readonly Queue<JournalEntry> _entries = new(capacity);
    private readonly Lock _gate = new();
    private long _total;

    public int Capacity => capacity;

    public void Add(JournalEntry entry)
    {
        lock (_gate)
        {
            if (_entries.Count == capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
            _total++;
        }
    }

    /// <summary>The kept entries, newest first, and how many requests were recorded since the last clear.</summary>
    public (IReadOnlyList<JournalEntry> Entries, long Total) Snapshot()
    {
        lock (_gate)
        {
            return ([.. _entries.Reverse()], _total);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _total = 0;
        }
    }
}

/// <summary>One answered request.</summary>
internal sealed record JournalEntry(DateTimeOffset Time, string Method, string Path, int Status, double Milliseconds);
