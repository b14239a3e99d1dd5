using System.Net;
using System.Net.Sockets;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test run shares (a <see cref="PostgresServer"/> started on first use), or the one
/// <c>ConnectionStrings__ftpdb</c> names. Each caller gets a database of its own.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static string? _serverConnectionString;

    public static async Task<string> CreateDatabaseAsync() => await PostgresServer.CreateDatabaseAsync(await ServerAsync());

    private static async Task<string> ServerAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            return _serverConnectionString ??= Environment.GetEnvironmentVariable("ConnectionStrings__ftpdb") is { Length: > 0 } given
                ? given
                : (await PostgresServer.StartAsync()).ConnectionString;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>
    /// A free port for a service to bind later, drawn below the kernel's ephemeral range (32768 and up on Linux) and
    /// never handed out twice in a run. A port from that range, freed again, may become any outgoing connection's local
    /// end before the service binds it: an implicit-TLS listener then failed to bind and a TLS test found nothing there.
    /// </summary>
    public static int FreePort() => FreePorts(1);

    /// <summary>
    /// The first of <paramref name="count"/> consecutive free ports, drawn and kept as <see cref="FreePort"/> draws one
    /// (for a port range that must hold exactly these).
    /// </summary>
    public static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var first = Random.Shared.Next(FirstPort, EphemeralStart - count + 1);
            var ports = Enumerable.Range(first, count).ToArray();
            if (!ports.All(port => HandedOut.TryAdd(port, 0)))
            {
                continue; // one was handed out before (those marked just now are simply not used)
            }
            if (ports.All(IsFree))
            {
                return first;
            }
        }
        throw new InvalidOperationException($"No {count} free ports in a row between {FirstPort} and {EphemeralStart - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false; // taken by another program
        }
    }

    private const int FirstPort = 20000;
    private const int EphemeralStart = 32768;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> HandedOut = new();
}
