using System.IO.Pipelines;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Security.Gssapi;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// Writes replies to the control connection one at a time: the command loop and a running transfer (150/226/426)
/// both answer, and their lines must never interleave. <paramref name="sent"/> sees each reply once it is out (LOG-CONTENT).
/// While a GSSAPI context protects the control connection, replies to protected commands are wrapped line by line
/// (RFC 2228 4); TLS protects them below, in the pipe.
/// </summary>
public sealed class ReplyChannel(PipeWriter output, Action<FtpReply>? sent = null, SessionSecurity? security = null)
{
    private PipeWriter _output = output;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask SendAsync(FtpReply reply, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (security is { CommandProtection: not DataProtectionLevel.Clear, Gssapi: { IsEstablished: true } context })
            {
                ProtectedReplyWriter.Write(reply, security.CommandProtection, context, _output);
            }
            else
            {
                FtpReplyWriter.Write(reply, _output);
            }
            var flush = await _output.FlushAsync(cancellationToken);
            if (flush.IsCompleted)
            {
                throw new IOException("The peer closed the control connection.");
            }
            sent?.Invoke(reply);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes raw bytes (Telnet refusals) in the same order as replies.</summary>
    public async ValueTask SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _output.WriteAsync(bytes, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>From now on replies go through TLS (called between commands, when nothing else writes).</summary>
    public void Switch(PipeWriter output) => _output = output;
}
