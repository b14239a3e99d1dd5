using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Ftp.Telemetry;

/// <summary>The recent traffic behind the Overview's throughput chart and its top accounts.</summary>
public sealed class TrafficHistoryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Throughput_is_ten_minutes_of_finished_steps_in_bytes_per_second()
    {
        var traffic = new TrafficHistory(_clock);
        traffic.Add("bob@example.com", TransferDirection.Send, 10_000);
        traffic.Add(null, TransferDirection.Receive, 500);
        Assert.All(traffic.Throughput(), s => Assert.Equal((0, 0), (s.BytesInPerSecond, s.BytesOutPerSecond))); // the step still runs

        _clock.Advance(TrafficHistory.Step);
        var steps = traffic.Throughput();

        Assert.Equal(120, steps.Count);
        Assert.Equal((100, 2000), (steps[^1].BytesInPerSecond, steps[^1].BytesOutPerSecond));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), steps[^1].At);
        Assert.Equal(steps[^1].At - TimeSpan.FromSeconds(595), steps[0].At);

        _clock.Advance(TrafficHistory.Window);
        Assert.All(traffic.Throughput(), s => Assert.Equal(0, s.BytesOutPerSecond));
    }

    [Fact]
    public void Top_accounts_are_the_most_bytes_in_the_window_most_first()
    {
        var traffic = new TrafficHistory(_clock);
        traffic.Add("early@example.com", TransferDirection.Send, 1_000_000);
        _clock.Advance(TimeSpan.FromMinutes(20));
        traffic.Add("bob@example.com", TransferDirection.Send, 300);
        traffic.Add("alice@example.com", TransferDirection.Receive, 200);
        traffic.Add("Alice@example.com", TransferDirection.Send, 200);
        traffic.Add(null, TransferDirection.Send, 5_000);

        Assert.Equal([new AccountTraffic("alice@example.com", 200, 200), new AccountTraffic("bob@example.com", 0, 300)], traffic.TopAccounts(10, 10));
        Assert.Equal(["early@example.com", "alice@example.com", "bob@example.com"], traffic.TopAccounts(60, 10).Select(a => a.Account));
        Assert.Single(traffic.TopAccounts(60, 1));

        _clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Empty(traffic.TopAccounts(60, 10));
    }
}
