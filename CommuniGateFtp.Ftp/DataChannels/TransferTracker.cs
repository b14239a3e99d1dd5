using System.Diagnostics;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Makes a running transfer visible: the <c>ftp.transfers.active</c>, <c>ftp.transfer.bytes</c> and
/// <c>ftp.transfer.duration</c> metrics and the recent traffic, the progress tick (rate samples, a change for the sessions feed, All Info
/// progress records), and at the end the session's totals and the recent-transfers ring.
/// </summary>
public sealed class TransferTracker(SessionRegistry registry, TransferHistory history, TrafficHistory traffic, FtpLogBook log, TimeProvider time)
{
    /// <summary>How often a running transfer's counters are sampled and published; the feed reads at most as often.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);

    public void Started(FtpSession session, FtpTransfer transfer)
    {
        FtpTelemetry.ActiveTransfers.Add(1);
        registry.Changed(session);
    }

    /// <summary>The progress tick, until <paramref name="stop"/>; returns the bytes already counted in <c>ftp.transfer.bytes</c>.</summary>
    public async Task<long> FollowAsync(FtpSession session, FtpTransfer transfer, CancellationToken stop)
    {
        var counted = 0L;
        var ticks = 0;
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = time.GetUtcNow();
                transfer.Sample(now);
                counted = CountBytes(session, transfer, counted);
                registry.Changed(session);
                if (++ticks % 2 == 0 && log.IsEnabled(CgpLogLevel.AllInfo)) // LOG-CONTENT 5: progress once a second
                {
                    log.Write(CgpLogLevel.AllInfo, session.Id, session.Client,
                        $"{transfer.Command} {transfer.Path}: {transfer.Bytes} bytes, {transfer.Rate(now):F0} bytes/s");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The transfer ended.
        }
        return counted;
    }

    /// <summary>After the final reply was decided: the last bytes and the duration counted, the totals and the ring updated.</summary>
    public void Finished(FtpSession session, FtpTransfer transfer, long counted, int replyCode)
    {
        var now = time.GetUtcNow();
        CountBytes(session, transfer, counted);
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

    private long CountBytes(FtpSession session, FtpTransfer transfer, long counted)
    {
        var bytes = transfer.Bytes;
        if (bytes > counted)
        {
            FtpTelemetry.TransferBytes.Add(bytes - counted, Tags(transfer));
            traffic.Add(session.Account?.Address, transfer.Direction, bytes - counted);
        }
        return bytes;
    }

    private static TagList Tags(FtpTransfer transfer) => new()
    {
        { "direction", transfer.Direction == TransferDirection.Receive ? "receive" : "send" },
        { "protection", transfer.Protection.ToString().ToLowerInvariant() },
    };
}
