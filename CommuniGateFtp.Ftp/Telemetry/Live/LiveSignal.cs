using System.Threading.Channels;

namespace CommuniGateFtp.Ftp.Telemetry.Live;

/// <summary>
/// Wakes the one reader of one or more followers when something is waiting for it. Setting it twice before the reader
/// wakes counts once: the reader drains everything pending anyway.
/// </summary>
public sealed class LiveSignal
{
    private readonly Channel<byte> _pending = Channel.CreateBounded<byte>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Set() => _pending.Writer.TryWrite(0);

    /// <summary>True when set, false when <paramref name="timeout"/> passed first (the reader sends a keep-alive then).</summary>
    // The interval is wall time on purpose: proxies cut idle connections by the real clock, not the server's.
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pending.Reader.TryRead(out _))
        {
            return true;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _pending.Reader.ReadAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
