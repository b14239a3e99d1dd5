using System.Net;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// A client's address as the address rules see it: IPv4-mapped IPv6 addresses (from dual-stack sockets) as IPv4, so
/// that <c>127.0.0.2</c> in a list or the temporary blacklist matches however the client arrived.
/// </summary>
public static class ClientAddress
{
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>The normalised address of an IP end point; null for any other kind (or none).</summary>
    public static IPAddress? Of(EndPoint? endPoint) => endPoint is IPEndPoint ip ? Normalize(ip.Address) : null;
}
