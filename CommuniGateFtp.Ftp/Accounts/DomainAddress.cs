using System.Net;

namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>NET-DOMAINIP: how a Domain's local addresses are stored and looked up: IPv4-mapped IPv6 as plain IPv4.</summary>
public static class DomainAddress
{
    public static string Normalize(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    public static string Normalize(string address) => Normalize(IPAddress.Parse(address));
}
