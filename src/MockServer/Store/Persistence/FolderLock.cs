namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// The data folder's lock file, <c>{DataDirectory}/mock.lock</c>, held open with an exclusive lock for as long as the
/// database is open. Two mocks on one folder would each keep the entities they changed in memory and overwrite each
/// other's rows, so an update one of them acknowledged could be gone after the next restart. The operating system
/// drops the lock when the process ends, also on <c>kill -9</c>, so a crash never leaves the folder locked.
/// </summary>
internal static class FolderLock
{
    public const string FileName = "mock.lock";

    /// <exception cref="DataFolderException">Another mock (or any program) holds the folder's lock.</exception>
    public static FileStream Acquire(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            // On Linux, FileShare.None takes an advisory flock(LOCK_EX) on the file, refused to any other open of it.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DataFolderException(
                $"The data folder {folder} is in use by another mock (it holds {path}): stop that mock, or give this one another --data folder.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataFolderException($"The data folder {folder} cannot be locked: {e.Message}", e);
        }
    }
}
