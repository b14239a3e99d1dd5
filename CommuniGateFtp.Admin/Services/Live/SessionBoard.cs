using System.Text.Json;
using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services.Live;

/// <summary>
/// What <c>/api/sessions/stream</c> has said so far: the sessions open now and the recent finished transfers. A
/// <c>snapshot</c> (sent at every (re)connection) replaces both, so sessions that ended while the stream was away
/// disappear; <c>opened</c>/<c>changed</c> put a session's latest record in place, <c>closed</c> removes it,
/// <c>transfer</c> adds a finished transfer. Events arrive on the stream's task and pages read on theirs: a lock keeps both apart.
/// </summary>
public sealed class SessionBoard(TimeProvider time)
{
    public const int RecentCapacity = 200;

    private readonly Dictionary<long, LiveSession> _sessions = [];
    private readonly List<FinishedTransferResponse> _recent = [];
    private readonly Lock _gate = new();

    /// <summary>The open sessions, by id.</summary>
    public IReadOnlyList<LiveSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions.Values.OrderBy(s => s.Session.Id)];
            }
        }
    }

    /// <summary>The recent finished transfers, newest first.</summary>
    public IReadOnlyList<FinishedTransferResponse> RecentTransfers
    {
        get
        {
            lock (_gate)
            {
                return [.. Enumerable.Reverse(_recent)];
            }
        }
    }

    /// <summary>Takes one event in; false when it changed nothing (an event this page does not know, or unreadable data).</summary>
    public bool Apply(string name, string data)
    {
        try
        {
            var now = time.GetUtcNow();
            lock (_gate)
            {
                switch (name)
                {
                    case "snapshot" when Read<SessionsSnapshot>(data) is { } snapshot:
                        _sessions.Clear();
                        foreach (var session in snapshot.Sessions)
                        {
                            _sessions[session.Id] = new LiveSession(session, now);
                        }
                        _recent.Clear();
                        _recent.AddRange(snapshot.RecentTransfers.TakeLast(RecentCapacity));
                        return true;
                    case "opened" or "changed" when Read<SessionResponse>(data) is { } session:
                        _sessions[session.Id] = new LiveSession(session, now);
                        return true;
                    case "closed" when Read<SessionResponse>(data) is { } session:
                        return _sessions.Remove(session.Id);
                    case "transfer" when Read<FinishedTransferResponse>(data) is { } transfer:
                        _recent.Add(transfer);
                        if (_recent.Count > RecentCapacity)
                        {
                            _recent.RemoveAt(0);
                        }
                        return true;
                    default:
                        return false; // "dropped" and anything newer: the next snapshot brings the board up to date
                }
            }
        }
        catch (JsonException)
        {
            return false; // one unreadable event must not stop the page's stream
        }
    }

    private static T? Read<T>(string data) => JsonSerializer.Deserialize<T>(data, JsonSerializerOptions.Web);
}
