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
/// <remarks>
/// A command is read, served and answered on the thread that received it (<see cref="SocketTransportOptions.UnsafePreferInlineScheduling"/>):
/// Kestrel's default hands a received line to an I/O queue and then to the thread pool, and a reply back to the queue
/// before it is sent, so a STOR-RETR-DELE cycle of small files paid about 60 thread wake-ups. That thread is the
/// socket event thread that received the line (<see cref="Hosting.InlineSocketCompletions"/>), or a thread-pool thread
/// when those are off; handlers leave an event thread before what may block (<see cref="Hosting.SocketEventThread"/>).
/// </remarks>
public sealed class ControlSocketTransport(ILoggerFactory loggers)
{
    private readonly SocketTransportFactory _factory = new(Options.Create(new SocketTransportOptions
    {
        UnsafePreferInlineScheduling = true,
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
