using System.Net.Security;
using System.Net.Sockets;

namespace CommuniGateFtp.Bench.Ftp;

/// <summary>One passive data connection: plain, or TLS once <see cref="StartTlsAsync"/> ran (PROT P).</summary>
internal sealed class DataConnection(Socket socket) : IAsyncDisposable
{
    private SslStream? _tls;

    public Stream Stream { get; private set; } = new NetworkStream(socket, ownsSocket: true);

    public Task StartTlsAsync(SslClientAuthenticationOptions options, CancellationToken cancellationToken)
    {
        _tls = new SslStream(Stream, leaveInnerStreamOpen: false);
        Stream = _tls;
        return _tls.AuthenticateAsClientAsync(options, cancellationToken);
    }

    /// <summary>
    /// Ends the data: TLS close_notify first (RFC 4217 12.6: a server may take a missing one as a truncated upload),
    /// then FIN, then the server's own close. For a download the server has closed already.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_tls is not null)
        {
            try
            {
                await _tls.ShutdownAsync().WaitAsync(cancellationToken);
            }
            catch (IOException)
            {
                // The server closed first (download): nothing to notify.
            }
        }
        try
        {
            socket.Shutdown(SocketShutdown.Send);
            // Wait for the server to close its side before closing ours: closing with its close_notify still unread
            // would send a reset, and vsftpd answers an upload that ends in a reset with 426.
            var sink = new byte[4096];
            while (await socket.ReceiveAsync(sink, SocketFlags.None, cancellationToken) > 0)
            {
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await Stream.DisposeAsync();
}
