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
    /// then FIN. For a download the server has closed already and this only releases the socket.
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
