using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// The cluster's shared state in PostgreSQL: node rows with their heartbeat, the session summaries each node publishes,
/// and the requests to other nodes (recorded, with a NOTIFY to wake them). Liveness is judged by the database's clock alone.
/// </summary>
public sealed class ClusterStore(IServiceScopeFactory scopes)
{
    /// <summary>Adds a row for this run of the node; returns its number.</summary>
    public Task<long> RegisterAsync(string name, string listeners, CancellationToken cancellationToken) =>
        WithDatabaseAsync(async db => (await db.Database.SqlQuery<long>($"""
            INSERT INTO cluster_nodes ("Name", "StartedAt", "HeartbeatAt", "Listeners") VALUES ({name}, now(), now(), {listeners}::jsonb)
            RETURNING "Number" AS "Value"
            """).ToListAsync(cancellationToken)).Single());

    /// <summary>
    /// Says the node is alive (and how its listeners are). False when its row is gone (another node forgot it after a
    /// long silence): the row is written again under the same number, and the caller publishes every session again.
    /// </summary>
    public Task<bool> HeartbeatAsync(long number, string name, DateTimeOffset startedAt, string listeners, CancellationToken cancellationToken) =>
        WithDatabaseAsync(async db =>
        {
            var updated = await db.Database.ExecuteSqlAsync($"""
                UPDATE cluster_nodes SET "HeartbeatAt" = now(), "Listeners" = {listeners}::jsonb WHERE "Number" = {number}
                """, cancellationToken);
            if (updated > 0)
            {
                return true;
            }
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO cluster_nodes ("Number", "Name", "StartedAt", "HeartbeatAt", "Listeners")
                VALUES ({number}, {name}, {startedAt}, now(), {listeners}::jsonb) ON CONFLICT DO NOTHING
                """, cancellationToken);
            return false;
        });

    /// <summary>Writes changed session summaries and removes those of closed sessions, in one transaction.</summary>
    public Task WriteSessionsAsync(long number, IReadOnlyList<(long Id, string Summary)> changed, IReadOnlyList<long> closed,
        CancellationToken cancellationToken) =>
        WithDatabaseAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            long[] ids = [.. changed.Select(c => c.Id)];
            string[] summaries = [.. changed.Select(c => c.Summary)];
            long[] gone = [.. closed];
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (gone.Length > 0)
            {
                await db.Database.ExecuteSqlAsync($"""DELETE FROM cluster_sessions WHERE "Id" = ANY({gone})""", ct);
            }
            if (ids.Length > 0)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO cluster_sessions ("Id", "NodeNumber", "Summary")
                    SELECT id, {number}, summary::jsonb FROM unnest({ids}, {summaries}) AS s(id, summary)
                    ON CONFLICT ("Id") DO UPDATE SET "Summary" = EXCLUDED."Summary"
                    """, ct);
            }
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken));

    /// <summary>The session summaries of every live node but <paramref name="self"/>.</summary>
    public Task<List<SessionRow>> OtherNodesSessionsAsync(long self, CancellationToken cancellationToken) =>
        WithDatabaseAsync(db => db.Database.SqlQuery<SessionRow>($"""
            SELECT s."Id", s."Summary"::text AS "Summary" FROM cluster_sessions s
            JOIN cluster_nodes n ON n."Number" = s."NodeNumber"
            WHERE n."HeartbeatAt" > now() - {ClusterPresence.ExpiresAfter} AND n."Number" <> {self}
            """).ToListAsync(cancellationToken));

    /// <summary>The live nodes, with how many sessions each published.</summary>
    public Task<List<NodeRow>> LiveNodesAsync(CancellationToken cancellationToken) =>
        WithDatabaseAsync(db => db.Database.SqlQuery<NodeRow>($"""
            SELECT n."Number", n."Name", n."StartedAt", n."HeartbeatAt", n."Listeners"::text AS "Listeners",
                   extract(epoch FROM now() - n."HeartbeatAt")::float8 AS "HeartbeatAgeSeconds",
                   (SELECT count(*) FROM cluster_sessions s WHERE s."NodeNumber" = n."Number")::int AS "Sessions"
            FROM cluster_nodes n WHERE n."HeartbeatAt" > now() - {ClusterPresence.ExpiresAfter}
            ORDER BY n."Name", n."Number"
            """).ToListAsync(cancellationToken));

    /// <summary>Whether the node run <paramref name="number"/> is alive now.</summary>
    public Task<bool> IsAliveAsync(long number, CancellationToken cancellationToken) =>
        WithDatabaseAsync(async db => (await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM cluster_nodes WHERE "Number" = {number} AND "HeartbeatAt" > now() - {ClusterPresence.ExpiresAfter}) AS "Value"
            """).ToListAsync(cancellationToken)).Single());

    /// <summary>Forgets nodes silent for <see cref="ClusterPresence.ForgottenAfter"/>, and their sessions with them.</summary>
    public Task ForgetSilentNodesAsync(CancellationToken cancellationToken) =>
        WithDatabaseAsync(db => db.Database.ExecuteSqlAsync(
            $"""DELETE FROM cluster_nodes WHERE "HeartbeatAt" < now() - {ClusterPresence.ForgottenAfter}""", cancellationToken));

    /// <summary>A node that stops removes itself (and its sessions) at once, rather than expiring.</summary>
    public Task LeaveAsync(long number, CancellationToken cancellationToken) =>
        WithDatabaseAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM cluster_nodes WHERE "Number" = {number}""", cancellationToken));

    /// <summary>
    /// Records <paramref name="request"/> for node run <paramref name="node"/> (null: every node) and wakes the nodes up with a
    /// NOTIFY on <paramref name="channel"/>, in one transaction (the NOTIFY goes out when the rows are there).
    /// </summary>
    public Task RequestAsync(string channel, long? node, string request, CancellationToken cancellationToken) =>
        WithDatabaseAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO cluster_requests ("NodeNumber", "Request")
            SELECT "Number", {request}::jsonb FROM cluster_nodes WHERE {node}::bigint IS NULL OR "Number" = {node};
            SELECT pg_notify({channel}, '');
            """, cancellationToken));

    /// <summary>Takes (removes and returns) the requests recorded for node run <paramref name="number"/>, oldest first.</summary>
    public Task<List<string>> TakeRequestsAsync(long number, CancellationToken cancellationToken) =>
        WithDatabaseAsync(db => db.Database.SqlQuery<string>($"""
            WITH taken AS (DELETE FROM cluster_requests WHERE "NodeNumber" = {number} RETURNING "Id", "Request")
            SELECT "Request"::text AS "Value" FROM taken ORDER BY "Id"
            """).ToListAsync(cancellationToken));

    private async Task<T> WithDatabaseAsync<T>(Func<FtpDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FtpDbContext>());
    }

    /// <summary>A published session summary (JSON).</summary>
    public sealed class SessionRow
    {
        public long Id { get; init; }

        public required string Summary { get; init; }
    }

    /// <summary>A live node as <see cref="LiveNodesAsync"/> reads it.</summary>
    public sealed class NodeRow
    {
        public long Number { get; init; }

        public required string Name { get; init; }

        public DateTimeOffset StartedAt { get; init; }

        public DateTimeOffset HeartbeatAt { get; init; }

        public required string Listeners { get; init; }

        public double HeartbeatAgeSeconds { get; init; }

        public int Sessions { get; init; }
    }
}
