namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>A hash that is the same in every process (<see cref="string.GetHashCode()"/> is randomized per process).</summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the seed, the text and the number: the seed of one generated entity.</summary>
    public static int Of(int seed, string text, int number)
    {
        var hash = 2166136261u;
        void Mix(uint value)
        {
            for (var i = 0; i < 4; i++)
            {
                hash = (hash ^ ((value >> (8 * i)) & 0xFF)) * 16777619u;
            }
        }

        Mix((uint)seed);
        foreach (var c in text)
        {
            Mix(c);
        }

        Mix((uint)number);
        return (int)(hash & 0x7FFFFFFF);
    }
}
