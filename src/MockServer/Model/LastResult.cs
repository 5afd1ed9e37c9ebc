namespace ContractHarness.MockServer.Model;

/// <summary>
/// The last result of <paramref name="make"/>, kept with its argument: for a value asked for again and again with the
/// same argument (the text of the current second's stamp, a client's Content-Type), so a repeat costs one comparison.
/// Safe across threads: the pair is one immutable object, replaced whole; two threads that miss at once both make it.
/// </summary>
internal sealed class LastResult<TKey, TValue>(Func<TKey, TValue> make)
    where TKey : notnull
{
    private Entry? _last;

    public TValue Get(TKey key)
    {
        if (_last is { } last && EqualityComparer<TKey>.Default.Equals(last.Key, key))
        {
            return last.Value;
        }

        var value = make(key);
        _last = new Entry(key, value);
        return value;
    }

    private sealed record Entry(TKey Key, TValue Value);
}
