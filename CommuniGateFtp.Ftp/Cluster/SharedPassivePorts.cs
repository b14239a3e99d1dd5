using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// The shared-passive-port mode of the cluster. A PASV reserves a shared port for its client address in the database
/// (<see cref="PassiveReservationStore"/>); a data connection arriving on a shared port from address X is for the one
/// pending reservation of (X, port): this node's session takes it at once, another node's gets it relayed, byte for byte
/// at the socket level (<see cref="DataRelay"/>: TLS and GSSAPI stay end to end). A connection with no reservation —
/// from any other address — is closed on every node (SEC-PASVTHEFT).
/// </summary>
public sealed class SharedPassivePorts(PassiveReservationStore store, ClusterIdentity identity, LiveSettings settings,
    ILogger<SharedPassivePorts> logger) : ISharedPassivePorts
{
    /// <summary>How long a PASV waits for one of its address's ports to be free before it answers 425.</summary>
    public static readonly TimeSpan ReservationWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<(IPAddress Client, int Port), SharedPassiveChannel> _pending = new();
    private readonly ConcurrentDictionary<Guid, SharedPassiveChannel> _byToken = new();

    /// <summary>Where this node accepts relayed connections (set by <see cref="SharedPassiveListeners"/>), or null.</summary>
    public IPEndPoint? RelayEndPoint { get; set; }

    public async Task<IPassiveDataChannel?> ReserveAsync(IPAddress localAddress, IPAddress client, IReadOnlyList<int> ports,
        CancellationToken cancellationToken)
    {
        // A random first port spreads one address's sessions; the store takes the first free one in this order.
        var start = Random.Shared.Next(ports.Count);
        int[] order = [.. ports.Skip(start), .. ports.Take(start)];
        var token = Guid.NewGuid();
        var deadline = DateTime.UtcNow + ReservationWait;
        while (true)
        {
            int? port;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(ReservationWait); // the database's own retries must not hold the PASV for long
            try
            {
                port = await store.ReserveAsync(client, order, identity.Number, token, RelayEndPoint?.ToString(),
                    settings.Current.DataConnectTimeout, limit.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Without the database no node could find the session: 425, and the session goes on.
                logger.LogWarning(ex, "Reserving a shared passive port for {Client} failed", client);
                return null;
            }
            if (port is { } taken)
            {
                var channel = new SharedPassiveChannel(this, new IPEndPoint(localAddress, taken), client, token);
                _byToken[token] = channel;
                _pending[(client, taken)] = channel;
                return channel;
            }
            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }
            await Task.Delay(RetryEvery, cancellationToken);
        }
    }

    /// <summary>A connection arrived on shared port <paramref name="port"/> of this node: hand it over, relay it, or close it.</summary>
    public async Task AcceptedAsync(Socket socket, int port, CancellationToken cancellationToken)
    {
        var client = PassiveDataChannel.Normalize(((IPEndPoint)socket.RemoteEndPoint!).Address);
        if (_pending.TryGetValue((client, port), out var local))
        {
            local.Deliver(socket);
            return;
        }
        try
        {
            if (await store.FindAsync(client, port, cancellationToken) is { RelayEndPoint: { } relay } reservation
                && reservation.NodeNumber != identity.Number && IPEndPoint.TryParse(relay, out var target))
            {
                await DataRelay.RunAsync(socket, target, reservation.Token, logger, cancellationToken);
                return;
            }
            logger.LogWarning("Data connection from {Client} to shared port {Port} refused: no pending PASV of that address", client, port);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Data connection from {Client} to shared port {Port} could not be relayed", client, port);
        }
        socket.Dispose();
    }

    /// <summary>Another node relays a data connection: the first 16 bytes name the reservation.</summary>
    public async Task RelayedAsync(Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            var token = new byte[16];
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(5));
            await ReceiveExactlyAsync(socket, token, limit.Token);
            if (_byToken.TryGetValue(new Guid(token), out var channel))
            {
                channel.Deliver(socket);
                return;
            }
            logger.LogWarning("Relayed data connection from {Node} refused: no such pending PASV here", socket.RemoteEndPoint);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            logger.LogDebug(ex, "A relayed data connection ended before it named its reservation");
        }
        socket.Dispose();
    }

    /// <summary>Forgets a reservation here and in the database (its connection came, or the session moved on).</summary>
    public void Release(SharedPassiveChannel channel)
    {
        if (!_byToken.TryRemove(channel.Token, out _))
        {
            return;
        }
        _pending.TryRemove(new KeyValuePair<(IPAddress, int), SharedPassiveChannel>((channel.Client, channel.Port), channel));
        _ = ReleaseInStoreAsync(channel);
    }

    private static async Task ReceiveExactlyAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var received = 0;
        while (received < buffer.Length)
        {
            var more = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cancellationToken);
            if (more == 0)
            {
                throw new IOException("The relaying node closed before naming the reservation.");
            }
            received += more;
        }
    }

    private async Task ReleaseInStoreAsync(SharedPassiveChannel channel)
    {
        try
        {
            await store.ReleaseAsync(channel.Client, channel.Port, channel.Token, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The row expires by itself (DataConnectTimeout); until then the port stays held for this address.
            logger.LogWarning(ex, "Releasing shared passive port {Port} of {Client} failed", channel.Port, channel.Client);
        }
    }
}
