using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.Hosting;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// A passive data channel: a socket listening on one port of the range, accepting only the control peer's address
/// (SEC-PASVTHEFT); anyone else is closed at once and the wait goes on.
/// </summary>
public sealed class PassiveDataChannel(Socket listener, IPAddress peer, InlineSocketCompletions inline, ILogger logger) : IPassiveDataChannel
{
    public bool IsPassive => true;

    public IPEndPoint LocalEndPoint => (IPEndPoint)listener.LocalEndPoint!;

    public async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var socket = await listener.AcceptAsync(cancellationToken);
            var from = ((IPEndPoint)socket.RemoteEndPoint!).Address;
            if (Normalize(from).Equals(Normalize(peer)))
            {
                listener.Dispose(); // one connection per PASV
                socket.NoDelay = true;
                inline.Apply(socket);
                return new NetworkStream(socket, ownsSocket: true);
            }
            logger.LogWarning("Passive data connection from {Address} refused: the control connection comes from {Peer}", from, peer);
            socket.Dispose();
        }
    }

    internal static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public ValueTask DisposeAsync()
    {
        listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
