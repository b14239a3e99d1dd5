using System.Text.Json;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>The sessions stream's events applied to what the Sessions and Transfers pages show.</summary>
public sealed class SessionBoardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public static SessionResponse Session(long id, string? account = "bob@example.com", TransferResponse? transfer = null, double idle = 0) =>
        new(id, $"[127.0.0.1]:{4000 + id}", account, DateTimeOffset.UnixEpoch, account is null ? "Connected" : "LoggedIn", "/", false, false,
            "NOOP", transfer, "node1", "[0.0.0.0]:8021", account is null ? null : "Password", null, "Clear", DateTimeOffset.UnixEpoch, idle, 0, 0);

    public static FinishedTransferResponse Finished(long session, int code) =>
        new("node1", session, "bob@example.com", "[127.0.0.1]:4000", "RETR", "/f", "Send", 10, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, code);

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    [Fact]
    public void Opened_changed_and_closed_keep_the_latest_record_of_each_open_session()
    {
        var board = new SessionBoard(_clock);
        Assert.True(board.Apply("snapshot", Json(new SessionsSnapshot("node1", [Session(2)], []))));
        Assert.True(board.Apply("opened", Json(Session(1, account: null))));
        Assert.True(board.Apply("changed", Json(Session(1, account: "alice@example.com"))));
        Assert.Equal([(1L, "alice@example.com"), (2L, "bob@example.com")], board.Sessions.Select(s => (s.Session.Id, s.Session.Account)));

        Assert.True(board.Apply("closed", Json(Session(2))));
        Assert.False(board.Apply("closed", Json(Session(2))));
        Assert.Equal([1L], board.Sessions.Select(s => s.Session.Id));
    }

    [Fact]
    public void A_snapshot_after_a_reconnection_drops_sessions_that_ended_meanwhile()
    {
        var board = new SessionBoard(_clock);
        board.Apply("snapshot", Json(new SessionsSnapshot("node1", [Session(1), Session(2)], [Finished(1, 226)])));
        board.Apply("snapshot", Json(new SessionsSnapshot("node1", [Session(3)], [])));
        Assert.Equal([3L], board.Sessions.Select(s => s.Session.Id));
        Assert.Empty(board.RecentTransfers);
    }

    [Fact]
    public void Finished_transfers_come_newest_first_and_the_oldest_leave_beyond_the_capacity()
    {
        var board = new SessionBoard(_clock);
        board.Apply("snapshot", Json(new SessionsSnapshot("node1", [], [Finished(1, 226)])));
        for (var i = 2; i <= SessionBoard.RecentCapacity + 1; i++)
        {
            board.Apply("transfer", Json(Finished(i, i % 2 == 0 ? 226 : 426)));
        }
        Assert.Equal(SessionBoard.RecentCapacity, board.RecentTransfers.Count);
        Assert.Equal(SessionBoard.RecentCapacity + 1, board.RecentTransfers[0].SessionId);
        Assert.Equal(2, board.RecentTransfers[^1].SessionId);
    }

    [Fact]
    public void Unknown_events_and_unreadable_data_change_nothing()
    {
        var board = new SessionBoard(_clock);
        Assert.False(board.Apply("dropped", """{"count":3}"""));
        Assert.False(board.Apply("changed", "{not json"));
        Assert.Empty(board.Sessions);
    }

    [Fact]
    public void Idle_time_ticks_on_between_events_but_not_while_a_transfer_runs()
    {
        var board = new SessionBoard(_clock);
        board.Apply("opened", Json(Session(1, idle: 5)));
        board.Apply("opened", Json(Session(2, transfer: new TransferResponse("RETR", "/f", "Send", 1, 1, DateTimeOffset.UnixEpoch, null, null))));
        var later = _clock.GetUtcNow().AddSeconds(10);
        Assert.Equal([15.0, 0.0], board.Sessions.Select(s => s.IdleSecondsAt(later)));
    }
}
