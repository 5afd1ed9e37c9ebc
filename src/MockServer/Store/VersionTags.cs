using System.Globalization;
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
        return new VersionTag($"\"{_epoch}-{serial.ToString("x", CultureInfo.InvariantCulture)}\"", now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }
}
