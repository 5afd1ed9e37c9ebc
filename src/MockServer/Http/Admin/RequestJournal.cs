namespace ContractHarness.MockServer.Http.Admin;

/// <summary>
/// The most recent requests, bounded twice: a ring of <paramref name="capacity"/> entries (the oldest entry goes when
/// it is full) and a budget of <paramref name="bodyBudget"/> bytes for the bodies they hold (the oldest entries give up
/// their bodies first and stay, flagged). Entries are immutable once added, so a reader renders its snapshot
/// outside the lock.
/// </summary>
internal sealed class RequestJournal(int capacity, long bodyBudget)
{
    private readonly JournalEntry[] _ring = new JournalEntry[capacity];
    private readonly int[] _bodySizes = new int[capacity]; // beside the ring: the budget's bookkeeping reads no old entry
    private readonly Lock _gate = new();
    private int _oldest;
    private int _count;
    private int _bodiesFrom; // entries older than this offset from the oldest hold no bodies
    private long _bodyBytes;
    private long _total;
    private long _lastId;

    public int Capacity => capacity;

    public long BodyBudget => bodyBudget;

    public void Add(JournalEntry entry)
    {
        var bytes = entry.Bodies.Bytes;
        lock (_gate)
        {
            if (_count == capacity)
            {
                _bodyBytes -= _bodySizes[_oldest];
                _oldest = Slot(1);
                _count--;
                _bodiesFrom = Math.Max(_bodiesFrom - 1, 0);
            }

            entry.Number(++_lastId);
            var slot = Slot(_count);
            _ring[slot] = entry;
            _bodySizes[slot] = bytes;
            _count++;
            _bodyBytes += bytes;
            _total++;
            while (_bodyBytes > bodyBudget && _bodiesFrom < _count)
            {
                var old = Slot(_bodiesFrom++);
                if (_bodySizes[old] > 0)
                {
                    _bodyBytes -= _bodySizes[old];
                    _bodySizes[old] = 0;
                    _ring[old].DropBodies();
                }
            }
        }
    }

    /// <summary>The ring's slot <paramref name="offset"/> entries after the oldest (offset at most the capacity).</summary>
    private int Slot(int offset)
    {
        var slot = _oldest + offset;
        return slot >= capacity ? slot - capacity : slot;
    }

    /// <summary>The kept entries, newest first, and how many requests were recorded since the last clear.</summary>
    public (IReadOnlyList<JournalEntry> Entries, long Total) Snapshot()
    {
        lock (_gate)
        {
            var entries = new JournalEntry[_count];
            for (var i = 0; i < _count; i++)
            {
                entries[i] = _ring[Slot(_count - 1 - i)];
            }

            return (entries, _total);
        }
    }

    /// <summary>The bytes the kept bodies hold now (never above the budget once an add returns).</summary>
    public long BodyBytes
    {
        get
        {
            lock (_gate)
            {
                return _bodyBytes;
            }
        }
    }

    /// <summary>Forgets every entry; ids keep increasing, so a client that remembers one never sees it again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            Array.Clear(_bodySizes);
            _oldest = _count = _bodiesFrom = 0;
            _bodyBytes = _total = 0;
        }
    }
}
