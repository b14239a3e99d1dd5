using System.Net;
using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// Pending shared passive ports in PostgreSQL, so that every node finds the session a data connection is for and no two
/// pending reservations of one client address share a port, whichever nodes made them.
/// </summary>
public sealed class PassiveReservationStore(IServiceScopeFactory scopes)
{
    /// <summary>
    /// Takes the first of <paramref name="ports"/> (in the order given) that no live reservation of <paramref name="client"/>
    /// holds; null when all are held. One statement: two nodes racing for a port cannot both get it.
    /// </summary>
    public async Task<int?> ReserveAsync(IPAddress client, IReadOnlyList<int> ports, long node, Guid token, string? relay, TimeSpan lifetime,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var address = client.ToString();
        int[] order = [.. ports];
        var taken = await db.Database.SqlQuery<int>($"""
            INSERT INTO passive_reservations ("ClientAddress", "Port", "NodeNumber", "Token", "RelayEndPoint", "ExpiresAt")
            SELECT {address}, u.p, {node}, {token}, {relay}, now() + {lifetime}
            FROM unnest({order}) WITH ORDINALITY AS u(p, i)
            WHERE NOT EXISTS (SELECT 1 FROM passive_reservations r WHERE r."ClientAddress" = {address} AND r."Port" = u.p AND r."ExpiresAt" > now())
            ORDER BY u.i LIMIT 1
            ON CONFLICT ("ClientAddress", "Port") DO UPDATE SET "NodeNumber" = EXCLUDED."NodeNumber", "Token" = EXCLUDED."Token",
                "RelayEndPoint" = EXCLUDED."RelayEndPoint", "ExpiresAt" = EXCLUDED."ExpiresAt"
            WHERE passive_reservations."ExpiresAt" <= now()
            RETURNING "Port" AS "Value"
            """).ToListAsync(cancellationToken);
        return taken is [var port] ? port : null;
    }

    /// <summary>The live reservation of <paramref name="port"/> for <paramref name="client"/>, or null.</summary>
    public async Task<PassiveReservation?> FindAsync(IPAddress client, int port, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var address = client.ToString();
        return await db.PassiveReservations.FromSql($"""
                SELECT * FROM passive_reservations WHERE "ClientAddress" = {address} AND "Port" = {port} AND "ExpiresAt" > now()
                """)
            .AsNoTracking().FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Ends a reservation (its data connection arrived, or the session moved on).</summary>
    public async Task ReleaseAsync(IPAddress client, int port, Guid token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        var address = client.ToString();
        await db.PassiveReservations.Where(r => r.ClientAddress == address && r.Port == port && r.Token == token)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
