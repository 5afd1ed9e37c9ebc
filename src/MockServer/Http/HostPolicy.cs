using System.Diagnostics.CodeAnalysis;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Net;
using ContractHarness.MockServer.Model;

namespace ContractHarness.MockServer.Http;

/// <summary>
/// Which <c>Host</c> headers the mock answers: the loopback names (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>),
/// the address it is bound to (every address of this machine when bound to <c>0.0.0.0</c> or <c>::</c>), the
/// configured extra names, with any port; <c>*</c> answers every host. A page on an attacker's name that resolves to
/// this machine (DNS rebinding) is same-origin with the mock for the browser, so CORS cannot stop it: only the Host
/// header tells it apart. The refusal is a <c>421 Misdirected Request</c> (RFC 9110 section 15.5.20: this server will
/// not answer for that authority) rather than a 400, as nothing in the request's syntax is wrong. A request without
/// a Host header (HTTP/1.0) cannot come from a browser and is answered.
/// </summary>
internal sealed class HostPolicy
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]" };
    private readonly bool _any;

    // The last Host header value that was allowed: clients send the same one on every request, so the hot path is
    // one string comparison instead of a split and a lookup.
    private volatile string? _lastAllowed;

    public HostPolicy(string boundAddress, IEnumerable<string> allowedHosts)
    {
        foreach (var host in allowedHosts.Select(h => h.Trim()).Where(h => h.Length > 0))
        {
            _any |= host == "*";
            _hosts.Add(host);
        }

        if (TryParseBindAddress(boundAddress, out var bound) && !IsEveryInterface(bound))
        {
            _hosts.Add(Name(bound));
        }
        else if (!_any)
        {
            foreach (var address in MachineAddresses())
            {
                _hosts.Add(Name(address));
            }
        }
    }

    /// <summary>Answers for <paramref name="host"/> too (the in-memory engine's own name); before the first request only.</summary>
    public void Allow(string host) => _hosts.Add(host);

    /// <summary>The 421 for a Host header the mock does not answer, or null.</summary>
    public MockHttpException? Check(HttpRequest request)
    {
        var raw = request.Headers.Host.ToString();
        if (_any || raw.Length == 0 || ReferenceEquals(raw, _lastAllowed) || raw == _lastAllowed)
        {
            return null;
        }

        var host = request.Host.Host;
        if (!_hosts.Contains(host) && !_hosts.Contains(host.TrimEnd('.')))
        {
            return new MockHttpException(
                StatusCodes.Status421MisdirectedRequest, "Misdirected Request", "ArgumentException",
                $"This mock does not answer for the host '{host}' (only loopback, its bound address and --allowed-hosts): start it with --allowed-hosts {host} to allow it.");
        }

        _lastAllowed = raw;
        return null;
    }

    /// <summary>
    /// The address a <c>--host</c> value binds to: <c>0.0.0.0</c> for an empty one, <c>*</c> or <c>+</c>; <c>::</c>
    /// for <c>::</c>; loopback for <c>localhost</c>; else the IP address it names (brackets allowed). False when it
    /// names none. Kestrel's binding, the banner and this policy read the value through this one method.
    /// </summary>
    public static bool TryParseBindAddress(string host, [NotNullWhen(true)] out IPAddress? address)
    {
        var trimmed = host.Trim();
        address = trimmed switch
        {
            "" or "*" or "+" or "0.0.0.0" => IPAddress.Any,
            "::" or "[::]" => IPAddress.IPv6Any,
            _ when trimmed.Equals("localhost", StringComparison.OrdinalIgnoreCase) => IPAddress.Loopback,
            _ => IPAddress.TryParse(trimmed.Trim('[', ']'), out var parsed) ? parsed : null,
        };
        return address is not null;
    }

    /// <summary>True for the wildcard addresses (every interface of the machine).</summary>
    public static bool IsEveryInterface(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static string Name(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static IEnumerable<IPAddress> MachineAddresses()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address)];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
