using System.Net;
using System.Net.Sockets;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// CommuniGate Pro's address lists (NET-IPLIST): one entry a line — an address, <c>a-b</c>, or <c>addr/bits</c>; a
/// leading <c>!</c> removes the entry from what the lines before built; <c>;</c> starts a comment. Used for Blacklisted
/// IPs, socket restrictions (NET-SOCKETS) and the LAN list (NET-LAN). IPv4 and IPv6 share one space (IPv4 as IPv4-mapped).
/// </summary>
public sealed class IpAddressList
{
    private readonly List<(UInt128 First, UInt128 Last, bool Exclude)> _entries;

    private IpAddressList(List<(UInt128, UInt128, bool)> entries) => _entries = entries;

    public static IpAddressList Empty { get; } = new([]);

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>True when the last entry that covers the address includes it.</summary>
    public bool Contains(IPAddress address)
    {
        var value = ToNumber(address);
        var contained = false;
        foreach (var (first, last, exclude) in _entries)
        {
            if (value >= first && value <= last)
            {
                contained = !exclude;
            }
        }
        return contained;
    }

    /// <summary>Parses a list; on failure <paramref name="error"/> names the line and why.</summary>
    public static bool TryParse(string? text, out IpAddressList list, out string? error)
    {
        list = Empty;
        error = null;
        var entries = new List<(UInt128, UInt128, bool)>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var comment = line.IndexOf(';');
            line = (comment < 0 ? line : line[..comment]).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var exclude = line.StartsWith('!');
            if (!TryParseEntry(exclude ? line[1..].Trim() : line, out var first, out var last))
            {
                error = $"line {i + 1}: '{lines[i].Trim()}' is not an address, a-b range or address/bits";
                return false;
            }
            entries.Add((first, last, exclude));
        }
        list = new IpAddressList(entries);
        return true;
    }

    private static bool TryParseEntry(string entry, out UInt128 first, out UInt128 last)
    {
        first = last = 0;
        var slash = entry.IndexOf('/');
        if (slash > 0)
        {
            if (!TryParseAddress(entry[..slash], out var network) || !int.TryParse(entry[(slash + 1)..], out var bits))
            {
                return false;
            }
            var width = network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            if (bits < 0 || bits > width)
            {
                return false;
            }
            var hostBits = width - bits;
            var mask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
            first = ToNumber(network) & ~mask;
            last = first | mask;
            return true;
        }
        var dash = entry.IndexOf('-');
        if (dash > 0)
        {
            if (!TryParseAddress(entry[..dash].Trim(), out var from) || !TryParseAddress(entry[(dash + 1)..].Trim(), out var to))
            {
                return false;
            }
            (first, last) = (ToNumber(from), ToNumber(to));
            return first <= last;
        }
        if (!TryParseAddress(entry, out var single))
        {
            return false;
        }
        first = last = ToNumber(single);
        return true;
    }

    /// <summary>
    /// One IPv4 or IPv6 address, strictly: IPv4 only as four decimal parts (<see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
    /// also takes inet_aton's <c>10.1</c> forms).
    /// </summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!text.Contains(':'))
        {
            var parts = text.Split('.');
            if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit)))
            {
                return false;
            }
        }
        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }
        address = parsed;
        return true;
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.MapToIPv6().TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
