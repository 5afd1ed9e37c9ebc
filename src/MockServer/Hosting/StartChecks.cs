using System.Net.Sockets;

namespace ContractHarness.MockServer.Hosting;

/// <summary>
/// The command line's checks of what the parser cannot see: whether the data and recording folders can be used, which
/// options go together, and what a failed bind means. Each gives one line naming the option and value (ending with the
/// help hint), or null when all is well.
/// </summary>
internal static class StartChecks
{
    /// <summary>
    /// Refuses a <c>--data</c> that is a file, or a folder that cannot be created or written, before anything starts:
    /// SQLite would otherwise fail later with its own words, or (read-only) only at the first accepted update.
    /// </summary>
    public static string? DataFolder(string? folder) => WritableFolder("--data", folder);

    /// <summary>Refuses a <c>--record</c> that is a file, or a folder that cannot be created or written (before the first answer is lost).</summary>
    public static string? RecordFolder(string? folder) => WritableFolder("--record", folder);

    /// <summary>Refuses a <c>--replay</c> that is no folder (its entities are read, and refused one by one, when the mock loads).</summary>
    public static string? ReplayFolder(string? folder) =>
        string.IsNullOrEmpty(folder) || Directory.Exists(folder) ? null
        : $"error: --replay {folder}: {(File.Exists(folder) ? "a file, not a folder" : "no such folder")}. {MockServerOptionsParser.HelpHint}";

    /// <summary>
    /// Options that do not go together, or a tenant that cannot be one (for options set in code): <c>--record</c> needs a
    /// tenant to record, <c>--replay</c> serves without one. The problem without the help hint, or null.
    /// </summary>
    public static string? Combination(SuperOfficeMockServerOptions options)
    {
        if (options.Proxy is { } tenant && Proxy.TenantAddress.Problem(tenant) is { } problem)
        {
            return $"--proxy {Proxy.TenantAddress.Masked(tenant.OriginalString)}: {problem}";
        }

        if (!string.IsNullOrEmpty(options.RecordDirectory) && options.Proxy is null)
        {
            return $"--record {options.RecordDirectory}: recording needs a tenant to record from; add --proxy URL";
        }

        if (!string.IsNullOrEmpty(options.ReplayDirectory) && options.Proxy is not null)
        {
            return $"--replay {options.ReplayDirectory}: replaying serves without a tenant; leave out --proxy";
        }

        return options.ProxyTimeout > TimeSpan.Zero ? null : $"--proxy-timeout {options.ProxyTimeout.TotalSeconds}: not a number of seconds above 0";
    }

    private static string? WritableFolder(string option, string? folder)
    {
        if (string.IsNullOrEmpty(folder))
        {
            return null;
        }

        if (File.Exists(folder))
        {
            return Refusal(option, folder, "a file, not a folder");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Refusal(option, folder, $"the folder cannot be created ({e.Message.TrimEnd('.')})");
        }

        var probe = Path.Combine(folder, $".write-check-{Guid.NewGuid():N}");
        try
        {
            // Root passes every permission check, so only writing tells (a read-only mount, /proc).
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refusal(option, folder, $"the folder cannot be written ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>The line for a socket Kestrel could not bind (port taken, address not on this machine, port not allowed), or null.</summary>
    public static string? Bind(Exception error, SuperOfficeMockServerOptions options)
    {
        var socket = Chain(error).OfType<SocketException>().FirstOrDefault();
        return socket?.SocketErrorCode switch
        {
            null => null,
            SocketError.AddressAlreadyInUse =>
                $"error: port {options.Port} on {options.Host} is already in use (another mock still running?): stop it, or choose another with --port N or PORT=N make mock. {MockServerOptionsParser.HelpHint}",
            SocketError.AddressNotAvailable =>
                $"error: --host {options.Host}: not an address of this machine (127.0.0.1 or 0.0.0.0 always are). {MockServerOptionsParser.HelpHint}",
            SocketError.AccessDenied =>
                $"error: --port {options.Port}: this user may not listen on that port (ports below 1024 need root); choose another. {MockServerOptionsParser.HelpHint}",
            _ => $"error: cannot listen on {options.Host} port {options.Port}: {socket.Message.TrimEnd('.')}. {MockServerOptionsParser.HelpHint}",
        };
    }

    private static string Refusal(string option, string folder, string reason) => $"error: {option} {folder}: {reason}. {MockServerOptionsParser.HelpHint}";

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
