namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>
/// The random source of one generated entity: <see cref="Random"/> seeded with the entity's own seed, whose seeded
/// sequence is the same in every process and run, so a seed and an id always give the same values.
/// </summary>
internal sealed class SeedRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public int Int(int min, int max) => (int)Long(min, max);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], both included.</summary>
    public long Long(long min, long max) => _random.NextInt64(min, max + 1);

    public double Double(double min, double max) => min + (_random.NextDouble() * (max - min));

    public bool Bool() => _random.Next(2) == 1;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary><paramref name="pattern"/> with every <c>#</c> replaced by a random digit.</summary>
    public string Digits(string pattern) => string.Create(pattern.Length, (pattern, _random), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.pattern[i] == '#' ? (char)('0' + state._random.Next(10)) : state.pattern[i];
        }
    });

    /// <summary><paramref name="count"/> words of the lorem list, capitalized, with a full stop.</summary>
    public string Sentence(int count)
    {
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = Pick(SeedWords.Lorem);
        }

        var sentence = string.Join(' ', words);
        return string.Concat(sentence[..1].ToUpperInvariant(), sentence.AsSpan(1), ".");
    }
}
