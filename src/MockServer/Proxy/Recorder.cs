using System.Collections.Concurrent;
using ContractHarness.MockServer.Model;
using ContractHarness.MockServer.Store.Seeding;

namespace ContractHarness.MockServer.Proxy;

/// <summary>
/// <c>--record DIR</c>: keeps each entity a tenant answers with 200 as <c>DIR/&lt;Resource&gt;/&lt;id&gt;.json</c>
/// (<see cref="RecordedFiles"/>), the body as the tenant sent it (never a header, so never a credential). A file is
/// written whole under a hidden name, flushed to disk and renamed over the old one, so a reader (or a
/// <c>--replay</c> after a crash) sees the old version or the new one, never part of one. When answers for one id
/// cross, the one the tenant gave last wins, whichever finishes writing first. A file that cannot be written is
/// reported on the mock's log; the client's answer does not wait for or depend on it.
/// </summary>
internal sealed class Recorder(string folder, TextWriter log)
{
    private readonly ConcurrentDictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private long _answers;

    /// <summary>The folder, as given.</summary>
    public string Folder => folder;

    /// <summary>A number for an answer as it arrives: a later answer gets a larger one.</summary>
    public long Arrived() => Interlocked.Increment(ref _answers);

    /// <summary>Writes <paramref name="body"/> as entity <paramref name="id"/>, unless an answer that arrived later was written already.</summary>
    public void Record(EntityModel model, int id, byte[] body, long arrived)
    {
        var file = RecordedFiles.PathOf(folder, model.Resource, id);
        var state = _files.GetOrAdd(file, static _ => new FileState());
        lock (state)
        {
            if (arrived <= state.Written)
            {
                return;
            }

            var temporary = RecordedFiles.TemporaryPathOf(file);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
                {
                    stream.Write(body);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, file, overwrite: true);
                state.Written = arrived;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception) when (e is IOException or UnauthorizedAccessException)
                {
                    // the folder itself is what failed: nothing was left behind
                }

                lock (log)
                {
                    log.WriteLine($"record: {file} could not be written: {e.Message}");
                }
            }
        }
    }

    private sealed class FileState
    {
        public long Written { get; set; }
    }
}
