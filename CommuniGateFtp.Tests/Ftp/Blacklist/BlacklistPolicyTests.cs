using System.Net;
using CommuniGateFtp.Ftp.Blacklist;

namespace CommuniGateFtp.Tests.Ftp.Blacklist;

/// <summary>The temporary blacklist's arithmetic, with explicit instants: no clock, no waiting.</summary>
public sealed class BlacklistPolicyTests
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.7");
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly BlacklistPolicy Policy = new(Threshold: 3, Window: TimeSpan.FromMinutes(10), BlockTime: TimeSpan.FromMinutes(10),
        MaxBlockTime: TimeSpan.FromMinutes(35));

    private static BlacklistState Fail(BlacklistState state, int minutes, int failures = 1) => Policy.Count(state, failures, Start.AddMinutes(minutes));

    [Fact]
    public void Failures_below_the_threshold_do_not_block()
    {
        var state = Fail(Fail(BlacklistState.New(Client, Start), 0), 1);
        Assert.Equal(2, state.Failures);
        Assert.Null(state.BlockedUntil);
    }

    [Fact]
    public void Reaching_the_threshold_within_the_window_blocks_for_the_block_time()
    {
        var state = Fail(BlacklistState.New(Client, Start), 9, failures: 3);
        Assert.Equal(Start.AddMinutes(9), state.BlockedSince);
        Assert.Equal(Start.AddMinutes(19), state.BlockedUntil);
        Assert.Equal(1, state.Offences);
    }

    [Fact]
    public void Failures_further_apart_than_the_window_do_not_add_up()
    {
        var state = Fail(Fail(Fail(BlacklistState.New(Client, Start), 0), 5), 10);
        Assert.Equal(1, state.Failures);
        Assert.Null(state.BlockedUntil);
    }

    [Fact]
    public void Failures_during_a_block_do_not_extend_it()
    {
        var blocked = Fail(BlacklistState.New(Client, Start), 0, failures: 3);
        var later = Fail(blocked, 5, failures: 10);
        Assert.Equal(blocked.BlockedUntil, later.BlockedUntil);
        Assert.Equal(1, later.Offences);
    }

    [Fact]
    public void A_failure_after_a_block_ended_starts_a_new_count()
    {
        var blocked = Fail(BlacklistState.New(Client, Start), 0, failures: 3);
        var after = Fail(blocked, 11);
        Assert.Equal(1, after.Failures);
        Assert.False(after.IsBlockedAt(Start.AddMinutes(11)));
    }

    [Fact]
    public void Each_further_offence_doubles_the_block_up_to_the_cap()
    {
        Assert.Equal([10, 20, 35, 35], new[] { 1, 2, 3, 4 }.Select(n => Policy.BlockTimeFor(n).TotalMinutes));
        var first = Fail(BlacklistState.New(Client, Start), 0, failures: 3);
        var second = Fail(first, 11, failures: 3);
        Assert.Equal(2, second.Offences);
        Assert.Equal(Start.AddMinutes(31), second.BlockedUntil);
    }

    [Fact]
    public void Threshold_zero_never_blocks()
    {
        var off = Policy with { Threshold = 0 };
        Assert.Null(off.Count(BlacklistState.New(Client, Start), 1000, Start).BlockedUntil);
    }
}
