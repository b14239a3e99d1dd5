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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
