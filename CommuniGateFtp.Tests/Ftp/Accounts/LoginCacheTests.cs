using CommuniGateFtp.Ftp.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Ftp.Accounts;

public sealed class LoginCacheTests
{
    private static readonly LoginName Alice = new("alice", "example.com");
    private static readonly LoginRecord AliceRecord = new(7, "alice", "example.com", "hash", true, true, ["FTP"], false, false);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    private long _localWrites;

    private LoginCache Listening()
    {
        var cache = new LoginCache(_clock, () => _localWrites);
        cache.Resume();
        return cache;
    }

    [Fact]
    public void What_a_lookup_kept_is_served_while_nothing_changed()
    {
        var cache = Listening();
        cache.KeepAccount(Alice, AliceRecord, cache.Generation);
        cache.KeepDomainOwning("192.0.2.1", null, cache.Generation);

        Assert.True(cache.TryGetAccount(Alice, out var record));
        Assert.Same(AliceRecord, record);
        Assert.True(cache.TryGetDomainOwning("192.0.2.1", out var domain));
        Assert.Null(domain);
        Assert.False(cache.TryGetAccount(Alice with { Domain = null }, out _));
        Assert.Equal(2, cache.Hits);
    }

    [Fact]
    public void Nothing_is_kept_before_the_node_listens_for_changes()
    {
        var cache = new LoginCache(_clock, () => _localWrites);
        cache.KeepAccount(Alice, AliceRecord, cache.Generation);

        Assert.False(cache.TryGetAccount(Alice, out _));
    }

    [Fact]
    public void A_change_notification_hides_what_was_kept()
    {
        var cache = Listening();
        cache.KeepAccount(Alice, AliceRecord, cache.Generation);

        cache.Invalidate();

        Assert.False(cache.TryGetAccount(Alice, out _));
    }

    [Fact]
    public void A_save_of_an_account_in_this_process_hides_what_was_kept()
    {
        var cache = Listening();
        cache.KeepAccount(Alice, AliceRecord, cache.Generation);

        _localWrites++;

        Assert.False(cache.TryGetAccount(Alice, out _));
    }

    [Fact]
    public void What_a_lookup_read_before_a_change_is_not_kept()
    {
        var cache = Listening();
        var before = cache.Generation;
        cache.Invalidate(); // the change lands while the lookup's query runs

        cache.KeepAccount(Alice, AliceRecord, before);

        Assert.False(cache.TryGetAccount(Alice, out _));
    }

    [Fact]
    public void While_the_listening_connection_is_lost_nothing_is_served_and_nothing_old_comes_back()
    {
        var cache = Listening();
        var before = cache.Generation;
        cache.KeepAccount(Alice, AliceRecord, before);

        cache.Suspend();
        Assert.False(cache.TryGetAccount(Alice, out _));
        cache.KeepAccount(Alice, AliceRecord, cache.Generation);
        Assert.False(cache.TryGetAccount(Alice, out _));

        cache.Resume();
        cache.KeepAccount(Alice, AliceRecord, before); // a lookup from before the loss ends now
        Assert.False(cache.TryGetAccount(Alice, out _));
    }

    [Fact]
    public void An_entry_is_read_again_after_its_lifetime()
    {
        var cache = Listening();
        cache.KeepAccount(Alice, AliceRecord, cache.Generation);

        _clock.Advance(LoginCache.Lifetime);

        Assert.False(cache.TryGetAccount(Alice, out _));
    }

    [Fact]
    public void The_cache_keeps_no_more_than_its_bound_and_makes_room_from_stale_entries()
    {
        var cache = Listening();
        for (var i = 0; i < LoginCache.MostKept; i++)
        {
            cache.KeepAccount(new LoginName($"user{i}", null), AliceRecord, cache.Generation);
        }

        cache.KeepAccount(Alice, AliceRecord, cache.Generation);
        Assert.False(cache.TryGetAccount(Alice, out _));

        _clock.Advance(LoginCache.Lifetime);
        cache.KeepAccount(Alice, AliceRecord, cache.Generation);
        Assert.True(cache.TryGetAccount(Alice, out _));
    }
}
