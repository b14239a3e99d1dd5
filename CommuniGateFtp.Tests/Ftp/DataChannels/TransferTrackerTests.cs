using System.Net;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Ftp.DataChannels;

/// <summary>The one progress tick of all running transfers, and each byte counted once between the tick and a transfer's end.</summary>
public sealed class TransferTrackerTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly SessionRegistry _registry;
    private readonly TrafficHistory _traffic;
    private readonly FtpLogBook _log;
    private readonly TransferTracker _tracker;

    public TransferTrackerTests()
    {
        _registry = new SessionRegistry(_clock);
        _traffic = new TrafficHistory(_clock);
        _log = new FtpLogBook(TestSettings.Live(new FtpServerSettings { LogLevel = CgpLogLevel.AllInfo }), _clock, NullLogger<FtpLogBook>.Instance);
        _tracker = new TransferTracker(_registry, new TransferHistory(), _traffic, _log, _clock);
    }

    public void Dispose() => _tracker.Dispose();

    private FtpSession Open() => _registry.Open(new IPEndPoint(IPAddress.Loopback, 40000), new IPEndPoint(IPAddress.Loopback, 21));

    private FtpTransfer Transfer(string command, TransferDirection direction) => new(command, "/f.bin", direction, _clock);

    [Fact]
    public async Task One_tick_samples_every_running_transfer_and_starts_again_after_a_quiet_time()
    {
        var (upSession, downSession) = (Open(), Open());
        var (up, down) = (Transfer("STOR", TransferDirection.Receive), Transfer("RETR", TransferDirection.Send));
        _tracker.Started(upSession, up);
        _tracker.Started(downSession, down);
        var (upChanges, downChanges) = (upSession.Changes, downSession.Changes);
        up.Add(1_000);
        down.Add(3_000);

        _clock.Advance(TransferTracker.Tick);
        await Eventually.HoldsAsync(() =>
        {
            Assert.True(upSession.Changes > upChanges && downSession.Changes > downChanges, "both sessions were told of their progress");
            return Task.CompletedTask;
        });

        _tracker.Finished(upSession, up, 226);
        _tracker.Finished(downSession, down, 226);
        Assert.Equal(0, _tracker.Running);
        _clock.Advance(TransferTracker.Tick); // no transfer runs: the tick ends here

        var later = Transfer("STOR", TransferDirection.Receive);
        _tracker.Started(upSession, later);
        var afterStart = upSession.Changes;
        _clock.Advance(TransferTracker.Tick);
        await Eventually.HoldsAsync(() =>
        {
            Assert.True(upSession.Changes > afterStart, "a transfer after a quiet time is ticked too");
            return Task.CompletedTask;
        });
        _tracker.Finished(upSession, later, 226);
    }

    [Fact]
    public async Task Bytes_are_counted_once_whether_the_tick_or_the_end_sees_them()
    {
        var session = Open();
        var up = Transfer("STOR", TransferDirection.Receive);
        _tracker.Started(session, up);
        var changes = session.Changes;
        up.Add(1_000);
        _clock.Advance(TransferTracker.Tick);
        await Eventually.HoldsAsync(() =>
        {
            Assert.True(session.Changes > changes, "the tick ran (and counted the first 1,000 bytes)");
            return Task.CompletedTask;
        });
        up.Add(500);
        _tracker.Finished(session, up, 226);

        _clock.Advance(TrafficHistory.Step);
        var step = _traffic.Throughput()[^1];
        Assert.Equal(1_500, step.BytesInPerSecond * TrafficHistory.Step.TotalSeconds, 3);
        Assert.Equal(0, step.BytesOutPerSecond);
        Assert.Equal(1_500, session.Activity.BytesIn);
    }

    [Fact]
    public void Every_byte_is_taken_once_by_concurrent_takers()
    {
        using var transfer = Transfer("RETR", TransferDirection.Send);
        var taken = 0L;
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                transfer.Add(3);
                Interlocked.Add(ref taken, transfer.TakeUncounted());
            }
        });
        Interlocked.Add(ref taken, transfer.TakeUncounted());
        Assert.Equal(transfer.Bytes, taken);
        Assert.Equal(120_000, taken);
    }
}
