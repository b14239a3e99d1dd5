using CommuniGateFtp.Ftp.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommuniGateFtp.Tests.Ftp.Hosting;

public sealed class IdleMemoryTrimmerTests
{
    private readonly IdleMemoryTrimmer _trimmer = new(TimeProvider.System, NullLogger<IdleMemoryTrimmer>.Instance);
    private long _allocated = 1L << 40; // a made-up count: the process's own allocations (other tests run alongside) play no part

    public IdleMemoryTrimmerTests()
    {
        Assert.False(_trimmer.ShouldTrim(_allocated)); // the starting point, after a start-up that allocated a lot
        Assert.True(Period(0)); // the start-up was a burst: trimmed in the first quiet period
    }

    [Fact]
    public void A_start_up_that_allocated_less_than_a_burst_is_not_trimmed()
    {
        var trimmer = new IdleMemoryTrimmer(TimeProvider.System, NullLogger<IdleMemoryTrimmer>.Instance);
        Assert.False(trimmer.ShouldTrim(IdleMemoryTrimmer.Burst / 2));

        Assert.False(trimmer.ShouldTrim(IdleMemoryTrimmer.Burst / 2 + 1));
    }

    [Fact]
    public void A_quiet_period_after_a_burst_trims_once()
    {
        Assert.False(Period(IdleMemoryTrimmer.Burst)); // busy
        Assert.True(Period(0));
        Assert.False(Period(0)); // still quiet: nothing new to give back
        Assert.False(Period(IdleMemoryTrimmer.Quiet - 1));
    }

    [Fact]
    public void Quiet_periods_without_a_burst_do_not_trim()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.False(Period(IdleMemoryTrimmer.Quiet / 2));
        }
        Assert.False(Period(IdleMemoryTrimmer.Burst / 4));
    }

    [Fact]
    public void A_burst_spread_over_busy_periods_trims_when_they_end()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.False(Period(IdleMemoryTrimmer.Burst / 4 + 1));
        }
        Assert.True(Period(1));
    }

    private bool Period(long allocated) => _trimmer.ShouldTrim(_allocated += allocated);
}
