using System.Net;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Cluster;
using CommuniGateFtp.Ftp.Management;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Ftp.Cluster;

public sealed class LocalSessionSummariesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly SessionRegistry _registry;
    private readonly LocalSessionSummaries _summaries;

    public LocalSessionSummariesTests()
    {
        _registry = new SessionRegistry(_clock);
        _summaries = new LocalSessionSummaries(_registry, new SessionViews(Options.Create(new FtpOptions()), _clock));
    }

    [Fact]
    public void A_new_session_is_written_once_and_an_idle_one_never_again()
    {
        var session = _registry.Open(new IPEndPoint(IPAddress.Loopback, 40000), null);

        Assert.Equal(session.Id, Assert.Single(_summaries.Take(_clock.GetUtcNow()).Changed).Id);
        _clock.Advance(LocalSessionSummaries.CounterRefresh * 3);
        var (changed, closed) = _summaries.Take(_clock.GetUtcNow());

        Assert.Empty(changed);
        Assert.Empty(closed);
    }

    [Fact]
    public void A_login_is_written_at_once_and_a_counter_change_only_after_the_refresh()
    {
        var session = _registry.Open(new IPEndPoint(IPAddress.Loopback, 40001), null);
        _summaries.Take(_clock.GetUtcNow());

        session.CompleteLogin(new AuthenticatedAccount(1, "alice", "example.com", false), null!);
        _registry.Changed(session);
        Assert.Contains("alice@example.com", Assert.Single(_summaries.Take(_clock.GetUtcNow()).Changed).Summary);

        session.Activity.CommandReceived(new CommuniGateFtp.Ftp.Protocol.FtpCommand("NOOP", ""), _clock.GetUtcNow());
        _registry.Changed(session);
        Assert.Empty(_summaries.Take(_clock.GetUtcNow()).Changed);
        _clock.Advance(LocalSessionSummaries.CounterRefresh);
        Assert.Contains("NOOP", Assert.Single(_summaries.Take(_clock.GetUtcNow()).Changed).Summary);
        Assert.Empty(_summaries.Take(_clock.GetUtcNow()).Changed);
    }

    [Fact]
    public void A_closed_session_is_reported_once_and_forget_writes_everything_again()
    {
        var staying = _registry.Open(new IPEndPoint(IPAddress.Loopback, 40002), null);
        var leaving = _registry.Open(new IPEndPoint(IPAddress.Loopback, 40003), null);
        _summaries.Take(_clock.GetUtcNow());

        _registry.Close(leaving);
        Assert.Equal(leaving.Id, Assert.Single(_summaries.Take(_clock.GetUtcNow()).Closed));
        Assert.Empty(_summaries.Take(_clock.GetUtcNow()).Closed);

        _summaries.Forget();
        Assert.Equal(staying.Id, Assert.Single(_summaries.Take(_clock.GetUtcNow()).Changed).Id);
    }
}
