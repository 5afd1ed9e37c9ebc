namespace ContractHarness.MockServer.Hosting;

/// <summary>The command-line entry: parse options, start, print the banner, serve until Ctrl+C or SIGTERM.</summary>
internal static class MockServerCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (MockServerOptionsParser.WantsHelp(args))
        {
            Console.Out.Write(MockServerOptionsParser.Help());
            return 0;
        }

        SuperOfficeMockServerOptions options;
        try
        {
            options = MockServerOptionsParser.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });

        SuperOfficeMockServer server;
        try
        {
            server = await SuperOfficeMockServer.StartAsync(options, stop.Token);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"The mock could not start: {e.Message}");
            return 1;
        }

        await using var running = server;
        var log = options.LogWriter ?? Console.Out;
        await log.WriteLineAsync(Banner.For(server));
        await log.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            await log.WriteLineAsync("Stopping the mock.");
        }

        return 0;
    }
}
