using System.IO.Pipelines;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// Writes replies to the control connection one at a time: the command loop and a running transfer (150/226/426)
/// both answer, and their lines must never interleave. <paramref name="sent"/> sees each reply once it is out (LOG-CONTENT).
/// </summary>
public sealed class ReplyChannel(PipeWriter output, Action<FtpReply>? sent = null)
{
    private PipeWriter _output = output;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask SendAsync(FtpReply reply, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            FtpReplyWriter.Write(reply, _output);
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
