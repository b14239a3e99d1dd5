using System.Net;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Blacklist;

/// <summary>The temporary blacklist service over the memory store: reports, the blocked set, White Hole, lifting.</summary>
public sealed class TemporaryBlacklistTests
{
    private static readonly IPAddress Offender = IPAddress.Parse("192.0.2.7");
    private static readonly IPAddress Bystander = IPAddress.Parse("192.0.2.8");

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryBlacklistStore _store = new();

    private TemporaryBlacklist Create(FtpServerSettings settings)
    {
        var live = TestSettings.Live(settings);
        var log = new FtpLogBook(live, _clock, NullLogger<FtpLogBook>.Instance);
        return new TemporaryBlacklist(_store, live, log, _clock, NullLogger<TemporaryBlacklist>.Instance);
    }

    private static async Task ReportAsync(TemporaryBlacklist blacklist, IPAddress client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await blacklist.ReportAsync(client, "test failure");
        }
    }

    [Fact]
    public async Task Reaching_the_threshold_blocks_that_address_at_once_and_no_other()
    {
        var blacklist = Create(new FtpServerSettings { TempBlacklistFailures = 3 });
        await ReportAsync(blacklist, Offender, 2);
        Assert.False(blacklist.IsBlocked(Offender, out _));
        await ReportAsync(blacklist, Offender, 1);
        Assert.True(blacklist.IsBlocked(Offender, out var until));
        Assert.Equal(_clock.Now + TimeSpan.FromMinutes(10), until);
        Assert.False(blacklist.IsBlocked(Bystander, out _));
    }

    [Fact]
    public async Task A_block_ends_when_its_time_has_passed()
    {
        var blacklist = Create(new FtpServerSettings { TempBlacklistFailures = 1, TempBlacklistTime = TimeSpan.FromMinutes(10) });
        await ReportAsync(blacklist, Offender, 1);
        _clock.Now += TimeSpan.FromMinutes(10);
        Assert.False(blacklist.IsBlocked(Offender, out _));
    }

    [Fact]
    public async Task White_hole_address_is_never_counted_nor_blocked()
    {
        var blacklist = Create(new FtpServerSettings { TempBlacklistFailures = 1, UnblacklistableIps = "192.0.2.0/29 ; the office NAT" });
        await ReportAsync(blacklist, Offender, 5);
        Assert.False(blacklist.IsBlocked(Offender, out _));
        Assert.Empty(await _store.BlockedAsync(_clock.Now, CancellationToken.None));
    }

    [Fact]
    public async Task Lifting_unblocks_and_forgets_the_failures()
    {
        var blacklist = Create(new FtpServerSettings { TempBlacklistFailures = 2 });
        await ReportAsync(blacklist, Offender, 2);
        Assert.True(await blacklist.LiftAsync(Offender, CancellationToken.None));
        Assert.False(blacklist.IsBlocked(Offender, out _));
        await ReportAsync(blacklist, Offender, 1);
        Assert.False(blacklist.IsBlocked(Offender, out _));
        Assert.False(await blacklist.LiftAsync(Bystander, CancellationToken.None));
    }

    [Fact]
    public async Task Simultaneous_reports_are_all_counted()
    {
        var blacklist = Create(new FtpServerSettings { TempBlacklistFailures = 200 });
        await Task.WhenAll(Enumerable.Range(0, 199).Select(_ => Task.Run(() => blacklist.ReportAsync(Offender, "flood"))));
        Assert.False(blacklist.IsBlocked(Offender, out _));
        await blacklist.ReportAsync(Offender, "flood");
        Assert.True(blacklist.IsBlocked(Offender, out _));
    }

    [Fact]
    public async Task Refresh_takes_blocks_made_elsewhere()
    {
        var blacklist = Create(new FtpServerSettings { TempBlacklistFailures = 1 });
        var policy = BlacklistPolicy.From(new FtpServerSettings { TempBlacklistFailures = 1 });
        await _store.CountAsync(Offender, 1, policy, _clock.Now, CancellationToken.None); // another node's block
        Assert.False(blacklist.IsBlocked(Offender, out _));
        await blacklist.RefreshAsync(CancellationToken.None);
        Assert.True(blacklist.IsBlocked(Offender, out _));
    }
}
