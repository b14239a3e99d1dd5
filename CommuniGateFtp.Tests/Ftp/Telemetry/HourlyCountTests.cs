using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Ftp.Telemetry;

/// <summary>The last hour's counts behind <c>GET /api/stats</c>' logins and failures.</summary>
public sealed class HourlyCountTests
{
    [Fact]
    public void An_event_counts_for_an_hour_and_then_no_more()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 30, TimeSpan.Zero));
        var count = new HourlyCount(clock);
        count.Add();
        clock.Advance(TimeSpan.FromMinutes(30));
        count.Add();
        count.Add();
        Assert.Equal(3, count.LastHour());

        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(2, count.LastHour());
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, count.LastHour());
    }
}
