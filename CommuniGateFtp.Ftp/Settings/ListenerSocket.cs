using System.Net;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// One row of the FTP Listener table (SET-LISTENER, NET-SOCKETS): a port on one local address or all of them, clear or
/// implicit TLS, with its client restriction list and per-IP connection limit.
/// </summary>
public sealed record ListenerSocket
{
    /// <summary>The TCP port, 1–65535. A row given with port 0 in a PUT is removed (CGP).</summary>
    public int Port { get; init; }

    /// <summary><c>*</c> for all addresses (dual-stack), or one IPv4 or IPv6 address of this host.</summary>
    public string Address { get; init; } = AllAddresses;

    /// <summary>TLS-IMPLICIT: the TLS handshake comes before the greeting and data is private from the start.</summary>
    public bool Secure { get; init; }

    /// <summary>NET-IPLIST: the only clients this socket serves; empty = everyone. Others get 421 before any command.</summary>
    public string AllowedClients { get; init; } = "";

    /// <summary>NET-PERIP: simultaneous connections from one client address to this socket; 0 = unlimited.</summary>
    public int PerIpLimit { get; init; }

    /// <summary>The <see cref="Address"/> that means every local address.</summary>
    public const string AllAddresses = "*";

    /// <summary>
    /// The local end point to bind; <c>*</c> is IPv6Any, which binds dual-stack. Null when the address or the port is
    /// invalid (port 0 is kept: the start-up socket may let the system pick).
    /// </summary>
    public IPEndPoint? ToEndPoint()
    {
        if (Port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            return null;
        }
        if (Address == AllAddresses)
        {
            return new IPEndPoint(IPAddress.IPv6Any, Port);
        }
        return Listeners.IpAddressList.TryParseAddress(Address, out var address) && !address.IsIPv4MappedToIPv6
            ? new IPEndPoint(address, Port)
            : null;
    }

    /// <summary>How the socket appears in logs: <c>[address]:port</c>, plus <c>(secure)</c>.</summary>
    public string Describe() => $"[{Address}]:{Port}{(Secure ? " (secure)" : "")}";
}
