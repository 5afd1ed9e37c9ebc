using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Store;

/// <summary>
/// Names every version a store holds, when it is stored: a strong entity tag made of the store's epoch (random, so
/// two runs of the mock never hand out the same tag for different bytes) and a serial that only grows, across resets
/// too (so a version put back by a reset or a provider state never has the tag of one a client saw before), plus
/// the second it was stored, which <c>If-Modified-Since</c> needs besides the entity's own stamp. The tag is
/// formatted once per version; GET copies the string.
/// </summary>
internal sealed class VersionTags(TimeProvider time)
{
    private readonly string _epoch = RandomNumberGenerator.GetInt32(int.MaxValue).ToString("x8", CultureInfo.InvariantCulture);
    private long _serial;

    public VersionTag Next()
    {
        var serial = Interlocked.Increment(ref _serial);
        var now = time.GetUtcNow();
        return new VersionTag(Format(_epoch, serial), now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    /// <summary>The tag's text: <c>"epoch-serial"</c>, the serial in lower-case hex, quotes included.</summary>
    internal static string Format(string epoch, long serial)
    {
        var digits = Math.Max(1, (64 - BitOperations.LeadingZeroCount((ulong)serial) + 3) / 4);
        return string.Create(epoch.Length + digits + 3, (epoch, serial), static (text, state) =>
        {
            text[0] = '"';
            state.epoch.CopyTo(text[1..]);
            text[state.epoch.Length + 1] = '-';
            state.serial.TryFormat(text[(state.epoch.Length + 2)..^1], out _, "x", CultureInfo.InvariantCulture);
            text[^1] = '"';
        });
    }
}
