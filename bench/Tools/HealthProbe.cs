using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContractHarness.Bench.Tools;

/// <summary>A minimal HTTP/1.1 probe of one path on 127.0.0.1 (no HttpClient: nothing to warm up, no pooling).</summary>
internal sealed class HealthProbe(int port, string path)
{
    private readonly IPEndPoint _endPoint = new(IPAddress.Loopback, port);
    private readonly byte[] _request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    private readonly byte[] _buffer = new byte[64];

    /// <summary>True when one GET is answered with a 200 status line.</summary>
    public bool AnswersOk()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.ReceiveTimeout = 2000;
            socket.SendTimeout = 2000;
            socket.Connect(_endPoint);
            socket.Send(_request);
            var read = 0;
            while (read < 12)
            {
                var n = socket.Receive(_buffer, read, _buffer.Length - read, SocketFlags.None);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            // "HTTP/1.1 200"
            return _buffer[9] == (byte)'2' && _buffer[10] == (byte)'0' && _buffer[11] == (byte)'0';
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public bool PortIsOpen()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(_endPoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void WaitUntilClosed(TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (PortIsOpen() && clock.Elapsed < limit)
        {
            Thread.Sleep(10);
        }
    }
}
