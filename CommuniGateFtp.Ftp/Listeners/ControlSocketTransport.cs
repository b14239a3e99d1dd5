using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// Kestrel's socket transport for FTP control sockets, with urgent data read inline (SO_OOBINLINE, inherited by
/// accepted sockets): clients send ABOR's Telnet Synch as TCP urgent data (RFC 959 4.1.3), and without it the kernel
/// drops that byte — often the ABOR line's own LF — from the stream (CMD-ABOR-RULE).
/// </summary>
public sealed class ControlSocketTransport(ILoggerFactory loggers)
{
    private readonly SocketTransportFactory _factory = new(Options.Create(new SocketTransportOptions
    {
        CreateBoundListenSocket = endPoint =>
        {
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endPoint);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.OutOfBandInline, true);
            return socket;
        },
    }), loggers);

    public ValueTask<IConnectionListener> BindAsync(EndPoint endPoint, CancellationToken cancellationToken) =>
        _factory.BindAsync(endPoint, cancellationToken);
}
