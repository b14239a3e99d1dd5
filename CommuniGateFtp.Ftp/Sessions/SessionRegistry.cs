using System.Collections.Concurrent;
using System.Net;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>The live view of every session on this node; the management API and dashboard read it.</summary>
public sealed class SessionRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, FtpSession> _sessions = new();
    private long _lastId;

    public int Count => _sessions.Count;

    public IReadOnlyCollection<FtpSession> Sessions => [.. _sessions.Values];

    public FtpSession Open(EndPoint? remote, EndPoint? local)
    {
        var session = new FtpSession(Interlocked.Increment(ref _lastId), remote, local, time.GetUtcNow());
        _sessions[session.Id] = session;
        return session;
    }

    public void Close(FtpSession session) => _sessions.TryRemove(session.Id, out _);
}
