using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Opens passive listeners on ports drawn at random from the live range (NET-PASVRANGE, SEC-PASVRANDOM; a changed range
/// applies to the next PASV), bound to the control connection's local address; ports in TIME_WAIT may be taken again (<see cref="AddressReuse"/>), ports
/// another session listens on never.
/// </summary>
public sealed class PassivePortPool(LiveSettings live, ILogger<PassivePortPool> logger)
{
    public PassiveDataChannel? Open(IPAddress localAddress, IPAddress peer)
    {
        localAddress = PassiveDataChannel.Normalize(localAddress);
        var settings = live.Current;
        var low = settings.PassivePortMin;
        var count = settings.PassivePortMax - low + 1;
        var start = Random.Shared.Next(count);
        for (var i = 0; i < count; i++)
        {
            var port = low + (start + i) % count;
            var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                AddressReuse.Allow(socket);
                socket.Bind(new IPEndPoint(localAddress, port));
                socket.Listen(1);
                return new PassiveDataChannel(socket, peer, logger);
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }
        return null;
    }
}
