namespace ContractHarness.MockServer.Store.Seeding;

/// <summary>A recording folder (<c>--replay DIR</c>) that cannot be served: the message names the file and why.</summary>
internal sealed class ReplayFolderException(string folder, string message, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>The folder as it was given.</summary>
    public string Folder { get; } = folder;
}
