using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// Relays a data connection that reached this node to the node holding its session: connects to that node's relay
/// endpoint, names the reservation (16 bytes), then copies bytes both ways until each side has finished sending,
/// passing each half-close on. Bytes only: TLS (PROT P) and GSSAPI protection stay between the client and the session's node.
/// </summary>
public static class DataRelay
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(Socket client, IPEndPoint node, Guid token, ILogger logger, CancellationToken cancellationToken)
    {
        using var upstream = new Socket(node.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(ConnectTimeout);
            await upstream.ConnectAsync(node, connect.Token);
        }
        await upstream.SendAsync(token.ToByteArray(), SocketFlags.None, cancellationToken);
        client.NoDelay = true;
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Task.WhenAll(CopyAsync(client, upstream, abort), CopyAsync(upstream, client, abort));
        }
        finally
        {
            client.Dispose();
        }
        logger.LogDebug("Relayed a data connection to {Node}", node);
    }

    // One direction. At the sender's end of data the other side is told (FIN) and the other direction goes on; a
    // failure (a reset, an abort) ends both, so neither side waits for bytes that will never come.
    private static async Task CopyAsync(Socket from, Socket to, CancellationTokenSource abort)
    {
        var buffer = TrimmableArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, abort.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, abort.Token);
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            await abort.CancelAsync();
            from.Close(0);
            to.Close(0);
        }
        finally
        {
            TrimmableArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
