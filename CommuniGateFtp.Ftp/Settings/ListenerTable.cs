using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.Listeners;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>The rules of the Listener table as a whole (SET-LISTENER, NET-SOCKETS): row removal and validation.</summary>
public static class ListenerTable
{
    /// <summary>
    /// The table in force while the live settings hold none: <c>Ftp:Port</c> on <c>Ftp:ListenAddress</c>, clear, and the
    /// implicit-TLS port when <c>Ftp:Tls:ImplicitPort</c> is set. The AppHost's <c>ftp</c> endpoint is the first row.
    /// </summary>
    public static IReadOnlyList<ListenerSocket> FromStartupOptions(FtpOptions options)
    {
        var clear = new ListenerSocket { Port = options.Port, Address = options.ListenAddress };
        return options.Tls.ImplicitPort > 0 ? [clear, clear with { Port = options.Tls.ImplicitPort, Secure = true }] : [clear];
    }

    /// <summary>CGP: a row given with port 0 is removed from the table.</summary>
    public static IReadOnlyList<ListenerSocket> WithoutRemovedRows(IReadOnlyList<ListenerSocket> rows) =>
        [.. rows.Where(row => row is not null && row.Port != 0)];

    /// <summary>
    /// Adds the table's problems to <paramref name="errors"/>, keyed <c>listener[i].member</c> by the row's position in
    /// the table as given (rows with port 0 are skipped: they are being removed).
    /// </summary>
    /// <param name="certificateConfigured">Whether this server has a TLS certificate; secure rows need one.</param>
    public static void Validate(IReadOnlyList<ListenerSocket> rows, bool certificateConfigured, Dictionary<string, string[]> errors)
    {
        var kept = new List<(int Index, IPEndPoint EndPoint)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var key = $"listener[{i}]";
            if (row is null)
            {
                errors[key] = ["A socket row is required."];
                continue;
            }
            if (row.Port == 0)
            {
                continue;
            }
            var endPoint = row.ToEndPoint();
            if (row.Port is < 1 or > 65535)
            {
                errors[$"{key}.port"] = [$"Port {row.Port} is not between 1 and 65535 (0 removes the row)."];
            }
            else if (endPoint is null)
            {
                errors[$"{key}.address"] = [$"'{row.Address}' is not '*' (all addresses), one IPv4 address or one IPv6 address."];
            }
            else if (kept.FirstOrDefault(k => k.EndPoint.Port == row.Port && Overlap(k.EndPoint.Address, endPoint.Address)) is { EndPoint: not null } other)
            {
                errors[$"{key}.port"] = [$"Port {row.Port} on '{row.Address}' is already in the table as listener[{other.Index}] ('{rows[other.Index].Address}')."];
            }
            else
            {
                kept.Add((i, endPoint));
            }
            if (!IpAddressList.TryParse(row.AllowedClients, out _, out var listError))
            {
                errors[$"{key}.allowedClients"] = [listError!];
            }
            if (row.PerIpLimit < 0)
            {
                errors[$"{key}.perIpLimit"] = ["The per-IP limit must be 0 (unlimited) or more."];
            }
            if (row.Secure && !certificateConfigured)
            {
                errors[$"{key}.secure"] = ["A secure socket needs a TLS certificate (Ftp:Tls:CertificatePath), and this server has none."];
            }
        }
    }

    // Two sockets on one port collide when one address covers the other: '*' (dual-stack) covers everything, 0.0.0.0 every IPv4.
    private static bool Overlap(IPAddress a, IPAddress b) =>
        a.Equals(b) || IsAny(a, b) || IsAny(b, a);

    private static bool IsAny(IPAddress wildcard, IPAddress other) =>
        wildcard.Equals(IPAddress.IPv6Any) || (wildcard.Equals(IPAddress.Any) && other.AddressFamily == AddressFamily.InterNetwork);
}
