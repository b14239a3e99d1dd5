using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Opens passive listeners on ports drawn at random from the live range (NET-PASVRANGE, SEC-PASVRANDOM; a changed range
/// applies to the next PASV), bound to the control connection's local address; ports in TIME_WAIT may be taken again (<see cref="AddressReuse"/>), ports
/// another session listens on never. In the shared-passive-port mode (<c>sharedPassivePorts</c>) a PASV reserves one of
/// the shared ports for its client instead (<see cref="ISharedPassivePorts"/>).
/// </summary>
public sealed class PassivePortPool(LiveSettings live, ISharedPassivePorts shared, InlineSocketCompletions inline, ILogger<PassivePortPool> logger)
{
    /// <summary>
    /// A listener on a free port of the range, other than <paramref name="replacedPort"/> (the session's pending passive
    /// port this PASV replaces, DATA-ONE) while the range has another: a client still connecting to the old port must not
    /// meet the new listener. Null when no port is free.
    /// </summary>
    public async Task<IPassiveDataChannel?> OpenAsync(IPAddress localAddress, IPAddress peer, int? replacedPort, CancellationToken cancellationToken)
    {
        localAddress = PassiveDataChannel.Normalize(localAddress);
        var settings = live.Current;
        if (PortList.TryParse(settings.SharedPassivePorts, out var sharedPorts, out _) && sharedPorts.Count > 0)
        {
            return await shared.ReserveAsync(localAddress, peer, sharedPorts, cancellationToken);
        }
        var low = settings.PassivePortMin;
        var count = settings.PassivePortMax - low + 1;
        var start = Random.Shared.Next(count);
        for (var i = 0; i < count; i++)
        {
            var port = low + (start + i) % count;
            if (port == replacedPort && count > 1)
            {
                continue;
            }
            var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                AddressReuse.Allow(socket);
                socket.Bind(new IPEndPoint(localAddress, port));
                socket.Listen(1);
                inline.Apply(socket);
                return new PassiveDataChannel(socket, peer, inline, logger);
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }
        return null;
    }
}
