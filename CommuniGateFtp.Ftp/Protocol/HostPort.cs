using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// The address formats of PORT/PASV (RFC 959), EPRT/EPSV (RFC 2428) and LPRT/LPSV (RFC 1639): parsing and formatting.
/// Pure; numbers out of range are refused (LIM-NUMBERS).
/// </summary>
public static class HostPort
{
    /// <summary><c>h1,h2,h3,h4,p1,p2</c>.</summary>
    public static bool TryParsePort(string text, out IPEndPoint endPoint)
    {
        endPoint = null!;
        var parts = text.Trim().Split(',');
        if (parts.Length != 6 || !TryBytes(parts, out var bytes))
        {
            return false;
        }
        endPoint = new IPEndPoint(new IPAddress(bytes[..4]), bytes[4] * 256 + bytes[5]);
        return true;
    }

    /// <summary><c>&lt;d&gt;af&lt;d&gt;address&lt;d&gt;port&lt;d&gt;</c>, the delimiter being the first character.</summary>
    public static EprtResult TryParseEprt(string text, out IPEndPoint endPoint)
    {
        endPoint = null!;
        if (text.Length < 7 || text[0] is < '!' or > '~')
        {
            return EprtResult.Invalid;
        }
        var parts = text.Split(text[0]);
        if (parts.Length != 5 || parts[0].Length != 0 || parts[4].Length != 0)
        {
            return EprtResult.Invalid;
        }
        var family = parts[1] switch { "1" => AddressFamily.InterNetwork, "2" => AddressFamily.InterNetworkV6, _ => AddressFamily.Unknown };
        if (family == AddressFamily.Unknown)
        {
            return EprtResult.UnsupportedFamily;
        }
        if (!IPAddress.TryParse(parts[2], out var address) || address.AddressFamily != family
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return EprtResult.Invalid;
        }
        endPoint = new IPEndPoint(address, port);
        return EprtResult.Ok;
    }

    /// <summary><c>af,hal,h1..,pal,p1..</c> with af 4 (hal 4) or 6 (hal 16) and pal 2.</summary>
    public static EprtResult TryParseLprt(string text, out IPEndPoint endPoint)
    {
        endPoint = null!;
        var parts = text.Trim().Split(',');
        if (parts.Length < 2 || !TryBytes(parts, out var bytes))
        {
            return EprtResult.Invalid;
        }
        var (family, length) = (bytes[0], bytes[1]);
        if (family is not (4 or 6))
        {
            return EprtResult.UnsupportedFamily;
        }
        if (length != (family == 4 ? 4 : 16) || bytes.Length != 2 + length + 3 || bytes[2 + length] != 2)
        {
            return EprtResult.Invalid;
        }
        endPoint = new IPEndPoint(new IPAddress(bytes.AsSpan(2, length)), bytes[^2] * 256 + bytes[^1]);
        return EprtResult.Ok;
    }

    public static string FormatPasv(IPAddress address, int port)
    {
        var b = address.MapToIPv4().GetAddressBytes();
        return string.Create(CultureInfo.InvariantCulture, $"{b[0]},{b[1]},{b[2]},{b[3]},{port >> 8},{port & 255}");
    }

    public static string FormatLpsv(IPAddress address, int port)
    {
        var b = address.MapToIPv4().GetAddressBytes();
        return string.Create(CultureInfo.InvariantCulture, $"4,4,{b[0]},{b[1]},{b[2]},{b[3]},2,{port >> 8},{port & 255}");
    }

    private static bool TryBytes(string[] parts, out byte[] bytes)
    {
        bytes = new byte[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!byte.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>The outcome of parsing EPRT or LPRT.</summary>
public enum EprtResult
{
    Ok,
    Invalid,
    UnsupportedFamily,
}
