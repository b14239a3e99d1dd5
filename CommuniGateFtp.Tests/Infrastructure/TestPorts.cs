using System.Net;
using System.Net.Sockets;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// Fixed ports for the servers tests start, taken below the kernel's ephemeral range. A port the kernel picks (port 0)
/// lies inside that range, where any outgoing connection of the busy test run may hold its neighbours, and the engine's
/// fixed active port is the control port − 1; a port range for active or passive data needs several free in a row.
/// Blocks are handed out once per test process, from a random start so that test runs side by side rarely meet.
/// </summary>
public static class TestPorts
{
    private const int Lowest = 10_000;
    private static readonly int Highest = EphemeralStart() - 1;
    private static int _next = Random.Shared.Next(Lowest, Highest - 2_000);

    /// <summary>The first of <paramref name="count"/> consecutive ports that are free now on every address.</summary>
    public static int Block(int count)
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var first = Interlocked.Add(ref _next, count) - count;
            if (first + count > Highest)
            {
                Interlocked.Exchange(ref _next, Lowest);
                continue;
            }
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }
        throw new InvalidOperationException("No block of free ports below the ephemeral range.");
    }

    /// <summary>A control port whose neighbour below (the fixed active port) is free too.</summary>
    public static int ControlPort() => Block(2) + 1;

    /// <summary>True when <paramref name="port"/> can be bound on every address now (nothing listens there).</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port)); // all addresses, as the FTP listener binds
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralStart()
    {
        var range = File.Exists("/proc/sys/net/ipv4/ip_local_port_range") ? File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range") : "";
        return int.TryParse(range.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var start) && start > Lowest + 4_000
            ? start
            : 32_768;
    }
}
