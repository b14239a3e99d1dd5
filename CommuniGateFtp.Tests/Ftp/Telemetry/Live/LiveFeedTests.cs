using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Tests.Ftp.Telemetry.Live;

/// <summary>The one live-feed mechanism: snapshot then changes, merged per item, bounded per follower.</summary>
public sealed class LiveFeedTests
{
    private sealed class Item(string name)
    {
        public string Name { get; } = name;
    }

    private static List<LiveChange<T>> Take<T>(LiveFollower<T> follower, out long dropped) where T : notnull
    {
        var changes = new List<LiveChange<T>>();
        dropped = follower.TakeAll(changes);
        return changes;
    }

    [Fact]
    public void A_follower_gets_the_history_as_snapshot_then_only_what_came_after()
    {
        var feed = new LiveFeed<string>(followerCapacity: 10, history: 3);
        foreach (var entry in new[] { "a", "b", "c", "d" })
        {
            feed.Append(entry);
        }
        using var follower = feed.Follow(new LiveSignal());
        feed.Append("e");

        Assert.Equal(["b", "c", "d"], follower.Snapshot);
        Assert.Equal(["e"], Take(follower, out _).Select(c => c.Item));
    }

    [Fact]
    public void The_owners_snapshot_and_a_change_made_with_it_are_never_both_seen()
    {
        var items = new List<Item>();
        var feed = new LiveFeed<Item>(followerCapacity: 0);
        var first = new Item("first");
        feed.Publish(LiveChangeKind.Opened, first, () => { items.Add(first); return true; });
        using var follower = feed.Follow(new LiveSignal(), () => [.. items]);
        var second = new Item("second");
        feed.Publish(LiveChangeKind.Opened, second, () => { items.Add(second); return true; });

        Assert.Equal([first], follower.Snapshot);
        Assert.Equal([new LiveChange<Item>(LiveChangeKind.Opened, second)], Take(follower, out _));
    }

    [Fact]
    public void Changes_to_one_item_wait_as_one_change_until_the_follower_reads()
    {
        var feed = new LiveFeed<Item>(followerCapacity: 0);
        var (busy, quiet) = (new Item("busy"), new Item("quiet"));
        using var follower = feed.Follow(new LiveSignal(), () => [busy, quiet]);
        for (var i = 0; i < 10_000; i++)
        {
            feed.Publish(LiveChangeKind.Changed, busy);
        }
        feed.Publish(LiveChangeKind.Changed, quiet);
        feed.Publish(LiveChangeKind.Closed, busy);

        Assert.Equal(2, follower.Pending);
        Assert.Equal([new(LiveChangeKind.Closed, busy), new(LiveChangeKind.Changed, quiet)], Take(follower, out _));
    }

    [Fact]
    public void An_item_opened_and_closed_before_the_follower_read_is_never_shown()
    {
        var feed = new LiveFeed<Item>(followerCapacity: 0);
        using var follower = feed.Follow(new LiveSignal(), () => []);
        var brief = new Item("brief");
        feed.Publish(LiveChangeKind.Opened, brief);
        feed.Publish(LiveChangeKind.Changed, brief);
        feed.Publish(LiveChangeKind.Closed, brief);

        Assert.Empty(Take(follower, out _));
    }

    [Fact]
    public void A_follower_that_never_reads_keeps_only_its_capacity_and_learns_how_many_it_lost()
    {
        var feed = new LiveFeed<int>(followerCapacity: 100);
        using var stalled = feed.Follow(new LiveSignal());
        for (var i = 0; i < 1_000_000; i++)
        {
            feed.Append(i); // returns at once: publishing never waits for a follower
        }

        Assert.Equal(100, stalled.Pending);
        var kept = Take(stalled, out var dropped);
        Assert.Equal(999_900, dropped);
        Assert.Equal(Enumerable.Range(999_900, 100), kept.Select(c => c.Item)); // the newest are kept
    }

    [Fact]
    public async Task A_change_wakes_the_reader_of_the_follower()
    {
        var feed = new LiveFeed<string>(followerCapacity: 10);
        var signal = new LiveSignal();
        using var follower = feed.Follow(signal);
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        feed.Append("news");

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_disposed_follower_is_no_longer_told_anything()
    {
        var feed = new LiveFeed<string>(followerCapacity: 10);
        var follower = feed.Follow(new LiveSignal());
        Assert.True(feed.HasFollowers);
        follower.Dispose();
        feed.Append("unheard");

        Assert.False(feed.HasFollowers);
        Assert.Equal(0, follower.Pending);
    }
}
