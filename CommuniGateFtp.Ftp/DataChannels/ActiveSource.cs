using System.Net;
using System.Net.Sockets;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Where an active data connection comes from (SET-FIXEDACTIVE, NET-ACTIVE): the fixed port (control port − 1, as
/// RFC 959's default data port) on the control connection's local address; else, or when that port cannot be bound, a
/// random free port of the active range; else a port the system assigns.
/// </summary>
/// <param name="LocalAddress">The control connection's local address; null when unknown.</param>
/// <param name="FixedPort">The fixed port, or 0 when the fixed active port is off.</param>
/// <param name="RangeMin">The active range's lowest port; 0 with <paramref name="RangeMax"/> 0 = no range.</param>
/// <param name="RangeMax">The active range's highest port.</param>
public sealed record ActiveSource(IPAddress? LocalAddress, int FixedPort, int RangeMin, int RangeMax)
{
    private bool HasRange => RangeMin > 0 && RangeMax >= RangeMin;

    /// <summary>
    /// Binds <paramref name="socket"/> before it connects to a target of <paramref name="family"/>; problems go to
    /// <paramref name="problem"/>. Throws <see cref="SocketException"/> when no port of the range is free (425).
    /// </summary>
    public void Bind(Socket socket, AddressFamily family, Action<string> problem)
    {
        // SO_REUSEADDR: a port whose last connection is still in TIME_WAIT can serve the next transfer.
        AddressReuse.Allow(socket);
        var local = AddressFor(family);
        if (FixedPort > 0 && local is not null)
        {
            try
            {
                socket.Bind(new IPEndPoint(local, FixedPort));
                return;
            }
            catch (SocketException ex)
            {
                // SET-FIXEDACTIVE: a failed bind falls back to the range, and the log says so.
                problem($"fixed active port {FixedPort} could not be bound ({ex.SocketErrorCode}); using "
                    + (HasRange ? $"the active port range {RangeMin}-{RangeMax}" : "a port the system assigns"));
            }
        }
        if (!HasRange)
        {
            return; // NET-ACTIVE: empty range, the system assigns the port at connect
        }
        var address = local ?? (family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any);
        var count = RangeMax - RangeMin + 1;
        var start = Random.Shared.Next(count);
        for (var i = 0; i < count; i++)
        {
            try
            {
                socket.Bind(new IPEndPoint(address, RangeMin + (start + i) % count));
                return;
            }
            catch (SocketException)
            {
            }
        }
        problem($"no free port in the active port range {RangeMin}-{RangeMax}");
        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    // The control connection's local address in the target's family (IPv4-mapped → IPv4); null when it has none.
    private IPAddress? AddressFor(AddressFamily family) => LocalAddress switch
    {
        null => null,
        { } a when a.AddressFamily == family => a,
        { IsIPv4MappedToIPv6: true } a when family == AddressFamily.InterNetwork => a.MapToIPv4(),
        _ => null,
    };
}
