using System.Net;
using System.Text;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.AspNetCore.Connections;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// Decides, before any command, whether an accepted connection is served: NET-BLACKLIST, the temporary blacklist, the
/// socket's client list (NET-SOCKETS), its per-IP limit (NET-PERIP), the per-address limit of connections not logged in
/// (SEC-DOS) and SET-CHANNELS over all sockets. A refused client hears <c>421</c> and is closed; refusals by a
/// per-address limit are floods and count toward the temporary blacklist. Counts are taken at accept, so a burst cannot
/// overshoot a limit before sessions register.
/// </summary>
public sealed class ConnectionAdmission(LiveSettings settings, TemporaryBlacklist temporary, FtpLogBook log)
{
    private static readonly byte[] TooManyConnections = Encoding.ASCII.GetBytes("421 Too many connections, try again later\r\n");
    private static readonly byte[] TooManyFromAddress = Encoding.ASCII.GetBytes("421 Too many connections from your address, try again later\r\n");
    private static readonly byte[] AccessDenied = Encoding.ASCII.GetBytes("421 Access denied\r\n");
    private static readonly byte[] TemporarilyBlacklisted = Encoding.ASCII.GetBytes("421 Too many failures from your address, try again later\r\n");

    private readonly AddressListCache _blacklist = new();
    private readonly AddressCounts _unauthenticated = new();
    private int _open;

    /// <summary>The admitted connection's ticket (give it back with <see cref="Release"/>); null when refused.</summary>
    internal AdmissionTicket? TryAdmit(ConnectionContext connection, ListenerBinding binding)
    {
        var client = ClientAddress.Of(connection.RemoteEndPoint) ?? IPAddress.IPv6None;
        var current = settings.Current;
        if (_blacklist.Get(current.BlacklistedIps).Contains(client))
        {
            return Refuse(connection, binding, AccessDenied, "the client is blacklisted"); // NET-BLACKLIST
        }
        if (temporary.IsBlocked(client, out var until))
        {
            // CGP: refused before any command; not counted again, so a blocked flood costs no database write.
            return Refuse(connection, binding, TemporarilyBlacklisted, $"the client is temporarily blacklisted until {until:u}");
        }
        if (!binding.Allows(client))
        {
            return Refuse(connection, binding, AccessDenied, "the client is not in the socket's client list"); // NET-SOCKETS
        }
        if (!binding.TryEnter(client))
        {
            return Flood(connection, binding, client, "over the socket's per-IP limit"); // NET-PERIP
        }
        var limit = temporary.IsUnblacklistable(client) ? 0 : current.MaxUnauthenticatedPerAddress;
        if (!_unauthenticated.TryEnter(client, limit))
        {
            binding.Leave(client);
            return Flood(connection, binding, client, $"over {limit} connections not logged in from one address"); // SEC-DOS
        }
        if (Interlocked.Increment(ref _open) > current.Channels)
        {
            Interlocked.Decrement(ref _open);
            _unauthenticated.Leave(client);
            binding.Leave(client);
            return Refuse(connection, binding, TooManyConnections, "all channels are busy"); // SET-CHANNELS
        }
        var ticket = new AdmissionTicket(client, binding, _unauthenticated);
        connection.Features.Set<ILoginCompletionFeature>(ticket);
        return ticket;
    }

    /// <summary>An admitted connection has ended: its channel and per-address counts are free again.</summary>
    internal void Release(AdmissionTicket ticket)
    {
        ticket.LoginCompleted();
        Interlocked.Decrement(ref _open);
        ticket.Binding.Leave(ticket.Client);
    }

    // A flood is an offence: the refusal counts toward the temporary blacklist.
    private AdmissionTicket? Flood(ConnectionContext connection, ListenerBinding binding, IPAddress client, string reason)
    {
        _ = temporary.ReportAsync(client, "connection " + reason);
        return Refuse(connection, binding, TooManyFromAddress, reason);
    }

    private AdmissionTicket? Refuse(ConnectionContext connection, ListenerBinding binding, byte[] reply, string reason)
    {
        var remote = connection.RemoteEndPoint as IPEndPoint;
        var client = remote is null ? "[unknown]" : $"[{ClientAddress.Normalize(remote.Address)}]:{remote.Port}";
        log.Write(CgpLogLevel.Problems, 0, client, $"connection to {binding.Socket.Describe()} refused: {reason}");
        _ = SendAndCloseAsync(connection, reply);
        return null;
    }

    // The refused connection hears why before it is closed.
    private static async Task SendAndCloseAsync(ConnectionContext connection, byte[] reply)
    {
        await using (connection)
        {
            try
            {
                await connection.Transport.Output.WriteAsync(reply);
                await connection.Transport.Output.CompleteAsync();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
            }
        }
    }
}
