using System.Net;
using System.Net.Sockets;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// An HTTP client of the service's API whose connections come from another loopback address (127.0.0.2, ...), so that
/// per-address rules can be tested with several clients on one host.
/// </summary>
public static class LoopbackHttpClient
{
    public static HttpClient From(string source, Uri server) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = server };
}
