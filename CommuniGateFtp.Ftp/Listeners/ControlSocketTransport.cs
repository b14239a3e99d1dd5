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
/// before it is sent, so a STOR-RETR-DELE cycle of small files paid about 60 thread wake-ups. That thread is a
/// thread-pool thread here (the runtime's own socket completions are not inlined), so a slow handler holds only its
/// own session's next read, which it would wait for anyway.
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
