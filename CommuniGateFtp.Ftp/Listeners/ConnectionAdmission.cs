using System.Net;
using System.Text;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.AspNetCore.Connections;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// Decides, before any command, whether an accepted connection is served: NET-BLACKLIST, the socket's client list
/// (NET-SOCKETS), its per-IP limit (NET-PERIP) and SET-CHANNELS over all sockets. A refused client hears <c>421</c>
/// and is closed. The channel count is taken at accept, so a burst cannot overshoot the limit before sessions register.
/// </summary>
public sealed class ConnectionAdmission(LiveSettings settings, FtpLogBook log)
{
    private static readonly byte[] TooManyConnections = Encoding.ASCII.GetBytes("421 Too many connections, try again later\r\n");
    private static readonly byte[] TooManyFromAddress = Encoding.ASCII.GetBytes("421 Too many connections from your address, try again later\r\n");
    private static readonly byte[] AccessDenied = Encoding.ASCII.GetBytes("421 Access denied\r\n");

    private readonly AddressListCache _blacklist = new();
    private int _open;

    /// <summary>The client's address when the connection is admitted (release it with <see cref="Release"/>); null when refused.</summary>
    internal IPAddress? TryAdmit(ConnectionContext connection, ListenerBinding binding)
    {
        var remote = connection.RemoteEndPoint as IPEndPoint;
        var client = remote is null ? IPAddress.IPv6None : remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address;
        var current = settings.Current;
        if (_blacklist.Get(current.BlacklistedIps).Contains(client))
        {
            return Refuse(connection, binding, AccessDenied, "the client is blacklisted"); // NET-BLACKLIST
        }
        if (!binding.Allows(client))
        {
            return Refuse(connection, binding, AccessDenied, "the client is not in the socket's client list"); // NET-SOCKETS
        }
        if (!binding.TryEnter(client))
        {
            return Refuse(connection, binding, TooManyFromAddress, "over the socket's per-IP limit"); // NET-PERIP
        }
        if (Interlocked.Increment(ref _open) > current.Channels)
        {
            Interlocked.Decrement(ref _open);
            binding.Leave(client);
            return Refuse(connection, binding, TooManyConnections, "all channels are busy"); // SET-CHANNELS
        }
        return client;
    }

    /// <summary>An admitted connection has ended: its channel and per-IP count are free again.</summary>
    internal void Release(ListenerBinding binding, IPAddress client)
    {
        Interlocked.Decrement(ref _open);
        binding.Leave(client);
    }

    private IPAddress? Refuse(ConnectionContext connection, ListenerBinding binding, byte[] reply, string reason)
    {
        var remote = connection.RemoteEndPoint as IPEndPoint;
        var client = remote is null ? "[unknown]" : $"[{(remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address)}]:{remote.Port}";
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
