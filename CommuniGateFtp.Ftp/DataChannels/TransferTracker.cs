using System.Collections.Concurrent;
using System.Diagnostics;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Makes running transfers visible: the <c>ftp.transfers.active</c>, <c>ftp.transfer.bytes</c> and
/// <c>ftp.transfer.duration</c> metrics and the recent traffic, the progress tick (rate samples, a change for the
/// sessions feed, All Info progress records), and at the end the session's totals and the recent-transfers ring.
/// </summary>
/// <remarks>
/// One tick serves every running transfer, and runs only while there are some. A timer and a task of its own per
/// transfer cost a small file more than its bytes did: stopping a <see cref="PeriodicTimer"/> by cancellation builds
/// an exception with a source-line stack trace, and the follower's end is one more thread-pool hop before the 226.
/// </remarks>
public sealed class TransferTracker(SessionRegistry registry, TransferHistory history, TrafficHistory traffic, FtpLogBook log, TimeProvider time)
    : IDisposable
{
    /// <summary>How often a running transfer's counters are sampled and published; the feed reads at most as often.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<FtpTransfer, FtpSession> _running = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _ticking = new();
    private bool _tickRuns;
    private long _ticks;

    /// <summary>The transfers running now, as the tick sees them.</summary>
    public int Running => _running.Count;

    public void Started(FtpSession session, FtpTransfer transfer)
    {
        FtpTelemetry.ActiveTransfers.Add(1);
        _running[transfer] = session;
        lock (_ticking)
        {
            if (!_tickRuns && !_disposed.IsCancellationRequested)
            {
                _tickRuns = true;
                // The tick serves every transfer: it must not carry this one's execution context (its command's
                // Activity, any AsyncLocal) for as long as it runs.
                using (ExecutionContext.SuppressFlow())
                {
                    _ = TickWhileRunningAsync();
                }
            }
        }
        registry.Changed(session);
    }

    /// <summary>After the final reply was decided: the last bytes and the duration counted, the totals and the ring updated.</summary>
    public void Finished(FtpSession session, FtpTransfer transfer, int replyCode)
    {
        _running.TryRemove(transfer, out _);
        var now = time.GetUtcNow();
        CountBytes(session, transfer);
        FtpTelemetry.TransferDuration.Record((now - transfer.StartedAt).TotalSeconds, Tags(transfer));
        FtpTelemetry.ActiveTransfers.Add(-1);
        session.Activity.TransferFinished(transfer.Direction, transfer.Bytes, now);
        if (TransferHistory.IsFileTransfer(transfer.Command))
        {
            history.Add(new FinishedTransfer(session.Id, session.Account?.Address, session.Client, transfer.Command, transfer.Path,
                transfer.Direction, transfer.Bytes, transfer.StartedAt, now, replyCode));
        }
        registry.Changed(session); // the transfer is over: the session shows its totals and no running transfer
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task TickWhileRunningAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(Tick, time);
            while (await timer.WaitForNextTickAsync(_disposed.Token))
            {
                TickOnce();
                lock (_ticking)
                {
                    if (_running.IsEmpty)
                    {
                        _tickRuns = false; // the next transfer starts the tick again
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The service stops.
        }
        catch (ObjectDisposedException)
        {
            // The service stopped while the tick was starting.
        }
    }

    private void TickOnce()
    {
        var now = time.GetUtcNow();
        var logProgress = ++_ticks % 2 == 0 && log.IsEnabled(CgpLogLevel.AllInfo); // LOG-CONTENT 5: progress once a second
        foreach (var (transfer, session) in _running)
        {
            transfer.Sample(now);
            CountBytes(session, transfer);
            registry.Changed(session);
            if (logProgress)
            {
                log.Write(CgpLogLevel.AllInfo, session.Id, session.Client,
                    $"{transfer.Command} {transfer.Path}: {transfer.Bytes} bytes, {transfer.Rate(now):F0} bytes/s");
            }
        }
    }

    private void CountBytes(FtpSession session, FtpTransfer transfer)
    {
        var bytes = transfer.TakeUncounted();
        if (bytes > 0)
        {
            FtpTelemetry.TransferBytes.Add(bytes, Tags(transfer));
            traffic.Add(session.Account?.Address, transfer.Direction, bytes);
        }
    }

    private static TagList Tags(FtpTransfer transfer) => new()
    {
        { "direction", FtpTelemetry.DirectionTag(transfer) },
        { "protection", FtpTelemetry.ProtectionTag(transfer) },
    };
}
