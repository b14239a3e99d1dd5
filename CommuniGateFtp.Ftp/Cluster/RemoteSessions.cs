using System.Collections.Immutable;
using System.Text.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// The other nodes' live sessions as they published them, kept as a live feed so that <c>/api/sessions/stream</c>
/// merges them with this node's own: opened, changed and closed as the summaries change in the database. Reloaded every
/// second while someone follows (<see cref="ClusterPresence"/>) and once before each new follower.
/// </summary>
public sealed class RemoteSessions(ClusterStore store, ClusterIdentity identity, ILogger<RemoteSessions> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How long a route waits for the other nodes' sessions before it answers with those last seen.</summary>
    public static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile ImmutableDictionary<long, Published> _current = ImmutableDictionary<long, Published>.Empty;

    /// <summary>The other nodes' sessions opening, changing and closing; items are the same session when their ids are.</summary>
    public LiveFeed<SessionResponse> Changes { get; } = new(followerCapacity: 0,
        identity: EqualityComparer<SessionResponse>.Create((a, b) => a?.Id == b?.Id, s => s.Id.GetHashCode()));

    /// <summary>The other nodes' sessions at the last reload.</summary>
    public IReadOnlyList<SessionResponse> Current => [.. _current.Values.Select(p => p.Session)];

    /// <summary>A follower whose snapshot is the other nodes' sessions at the last reload.</summary>
    public LiveFollower<SessionResponse> Follow(LiveSignal signal) => Changes.Follow(signal, () => Current);

    /// <summary>
    /// The other nodes' sessions, reloaded now; when the database does not answer, those of the last reload (this node's
    /// own sessions must stay visible and manageable through an outage).
    /// </summary>
    public async Task<IReadOnlyList<SessionResponse>> LatestAsync(CancellationToken cancellationToken)
    {
        // Bounded: the database's retries must not hold up a view of this node's own sessions.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ReadLimit);
        try
        {
            await RefreshAsync(limit.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Reading the other nodes' sessions failed; showing those last seen");
        }
        return Current;
    }

    /// <summary>Reads the other live nodes' sessions and tells followers what changed since the last reload.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var rows = await store.OtherNodesSessionsAsync(identity.Number, cancellationToken);
            var seen = new HashSet<long>();
            foreach (var row in rows)
            {
                seen.Add(row.Id);
                var known = _current.GetValueOrDefault(row.Id);
                if (known?.Summary == row.Summary || JsonSerializer.Deserialize<SessionResponse>(row.Summary, Json) is not { } session)
                {
                    continue;
                }
                var published = new Published(row.Summary, session);
                Changes.Publish(known is null ? LiveChangeKind.Opened : LiveChangeKind.Changed, session,
                    () => Set(_current.SetItem(row.Id, published)));
            }
            foreach (var gone in _current.Values.Where(p => !seen.Contains(p.Session.Id)).ToList())
            {
                Changes.Publish(LiveChangeKind.Closed, gone.Session, () => Set(_current.Remove(gone.Session.Id)));
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool Set(ImmutableDictionary<long, Published> current)
    {
        _current = current;
        return true;
    }

    private sealed record Published(string Summary, SessionResponse Session);
}
