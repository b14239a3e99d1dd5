using System.IO.Pipelines;
using System.Net.Security;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// The control connection's current pipes: the transport's own, or TLS over them once AUTH TLS (or an implicit-TLS
/// socket) switched it. The switch happens only at a command boundary, so no byte is read twice or lost.
/// </summary>
public sealed class ControlConnection(IDuplexPipe transport, TimeProvider time) : IAsyncDisposable
{
    private readonly IDuplexPipe _transport = transport;
    private SslStream? _tls;

    public IDuplexPipe Pipe { get; private set; } = transport;

    /// <summary>Runs the server handshake (<paramref name="implicitTls"/>: before the greeting, TLS-IMPLICIT); false (and logged) when it fails or times out: the connection then closes.</summary>
    public async Task<bool> StartTlsAsync(FtpSession session, TlsHandshake tls, TimeSpan timeout, FtpLogBook log, CancellationToken stopping,
        bool implicitTls = false)
    {
        try
        {
            var (pipe, stream) = await tls.AcceptAsync(_transport, timeout, stopping);
            (Pipe, _tls) = (pipe, stream);
            session.Replies.Switch(pipe.Output);
            session.Security.TlsStarted(new ControlTls(stream.SslProtocol.ToString(), stream.NegotiatedCipherSuite.ToString()), implicitTls);
            log.Write(CgpLogLevel.LowLevel, session.Id, session.Client, $"TLS {stream.SslProtocol} {stream.NegotiatedCipherSuite} on the control connection");
            return true;
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            if (stopping.IsCancellationRequested)
            {
                throw;
            }
            log.Write(CgpLogLevel.Problems, session.Id, session.Client, $"TLS handshake on the control connection failed: {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// CCC: our close_notify, then the client's, then clear text on the transport. The TLS layer never reads past a
    /// record's end (<see cref="DuplexStream"/>), so commands the client sends after its close_notify are not lost.
    /// </summary>
    public async Task<bool> StopTlsAsync(FtpSession session, TimeSpan timeout, CancellationToken stopping)
    {
        if (_tls is null)
        {
            return true;
        }
        using var limit = new Deadline(time, timeout, stopping);
        try
        {
            await _tls.ShutdownAsync();
            var sink = new byte[512];
            while (await _tls.ReadAsync(sink, limit.Token) > 0)
            {
                // Nothing but the close_notify should come; anything else before it is dropped.
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException && !stopping.IsCancellationRequested)
        {
            return false;
        }
        await Pipe.Input.CompleteAsync();
        await Pipe.Output.CompleteAsync();
        await _tls.DisposeAsync();
        _tls = null;
        Pipe = _transport;
        session.Replies.Switch(_transport.Output);
        session.Security.TlsStopped();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_tls is not null)
        {
            await Pipe.Output.CompleteAsync();
            await Pipe.Input.CompleteAsync();
            try
            {
                await _tls.ShutdownAsync(); // close_notify
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
            }
            await _tls.DisposeAsync();
        }
    }
}
