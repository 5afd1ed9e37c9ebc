using System.Net;
using System.Net.Sockets;

namespace ContractHarness.ProviderVerifier;

/// <summary>
/// Whether anything answers at the provider's base URL, asked before the Pact engine runs: against a provider that is
/// not running the engine reports one "setup state change handlers has failed" line per interaction, which hides the
/// one thing to do. A TCP connect, then one HTTP request (any status counts as an answer), with a short timeout and a
/// few tries a second apart, so a mock that is still starting gets its chance.
/// </summary>
internal sealed class ProviderProbe
{
    private readonly TimeProvider _time;

    public ProviderProbe(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int Attempts { get; init; } = 3;

    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Null when the provider answers; otherwise one line saying what is wrong and what to do.</summary>
    public async Task<string?> CheckAsync(Uri baseUrl, CancellationToken cancellationToken = default)
    {
        string? problem = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(Pause, _time, cancellationToken);
            }

            problem = await ConnectAsync(baseUrl, cancellationToken) ?? await RequestAsync(baseUrl, cancellationToken);
            if (problem is null)
            {
                return null;
            }
        }

        return problem;
    }

    /// <summary>
    /// The TCP connect, skipped when a proxy carries the requests (the engine honours HTTP(S)_PROXY too, so the
    /// provider may be out of direct reach and still verifiable).
    /// </summary>
    private async Task<string?> ConnectAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        if (HttpClient.DefaultProxy.GetProxy(baseUrl) is { } proxy && proxy != baseUrl)
        {
            return null;
        }

        using var timeout = new CancellationTokenSource(ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(baseUrl.DnsSafeHost, baseUrl.Port, linked.Token);
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            return $"{baseUrl.Host} in PROVIDER_BASE_URL={baseUrl} cannot be resolved: check the URL";
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && timeout.IsCancellationRequested))
        {
            return $"nothing is listening at {baseUrl}: start the mock with `make mock` or set PROVIDER_BASE_URL";
        }
    }

    private async Task<string?> RequestAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = ConnectTimeout });
        using var timeout = new CancellationTokenSource(RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await client.GetAsync(baseUrl, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && timeout.IsCancellationRequested))
        {
            var why = e is OperationCanceledException ? $"no answer within {RequestTimeout.TotalSeconds:0.#} s" : Reason(e);
            return $"{baseUrl} accepts connections but does not answer HTTP ({why}): is PROVIDER_BASE_URL the provider's URL?";
        }
    }

    private static string Reason(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message.TrimEnd('.');
    }
}
