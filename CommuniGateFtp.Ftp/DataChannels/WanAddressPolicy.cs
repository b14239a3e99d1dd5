using System.Net;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// SET-WANADDR, NET-WAN, NET-LAN: the address a 227 (PASV) or 228 (LPSV) reply advertises — the server's WAN address
/// for clients outside the LAN list when the option is on and the address set, else the control connection's local
/// address. EPSV carries no address and is unaffected.
/// </summary>
public sealed class WanAddressPolicy(LiveSettings live)
{
    private readonly AddressListCache _lan = new();

    public IPAddress Advertised(IPAddress local, IPAddress client)
    {
        var current = live.Current;
        if (!current.SendWanAddress || !IpAddressList.TryParseAddress(current.WanAddress, out var wan))
        {
            return local; // NET-WAN: empty means the option has no effect
        }
        // Chosen: clients on the LAN reach the local address, and a NAT would not map the WAN address back for them.
        return _lan.Get(current.LanIps).Contains(client) ? local : wan;
    }
}
