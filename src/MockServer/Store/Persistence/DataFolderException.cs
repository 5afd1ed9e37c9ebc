namespace ContractHarness.MockServer.Store.Persistence;

/// <summary>
/// The data folder cannot be used: the message names what is wrong (folder, file, table, route and id) in one line.
/// An <see cref="IOException"/>, so the command line prints it as the reason the mock does not start.
/// </summary>
internal sealed class DataFolderException(string message, Exception? inner = null) : IOException(message, inner);
