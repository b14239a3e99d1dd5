using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for the test run, started from the machine's server binaries on a free port (as root
/// it runs as the <c>postgres</c> OS user), stopped when the test process exits. When <c>ConnectionStrings__ftpdb</c>
/// is set, that server is used instead. Each caller gets a database of its own.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static string? _serverConnectionString;

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await ServerAsync();
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> ServerAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            return _serverConnectionString ??= Environment.GetEnvironmentVariable("ConnectionStrings__ftpdb") is { Length: > 0 } given
                ? given
                : await StartAsync();
        }
        finally
        {
            StartLock.Release();
        }
    }

    private static async Task<string> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            RequiredTool.Missing("postgresql", "PostgreSQL server binaries are not installed (apt-get install postgresql)");
        }
        var root = Directory.CreateTempSubdirectory("cgftp-pg-").FullName;
        var data = Path.Combine(root, "data");
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot && !OperatingSystem.IsWindows())
        {
            await ProcessRunner.RunAsync("sh", ["-c", "id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres"]);
            File.SetUnixFileMode(root, (UnixFileMode)Convert.ToInt32("755", 8));
            await ProcessRunner.RunAsync("chown", ["postgres:postgres", root]);
        }
        await RunAsServerUserAsync(asRoot, Path.Combine(bin!, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await RunAsServerUserAsync(asRoot, Path.Combine(bin!, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o",
             $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsServerUserAsync(asRoot, Path.Combine(bin!, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            Directory.Delete(root, recursive: true);
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static async Task RunAsServerUserAsync(bool asRoot, string program, string[] args)
    {
        var output = asRoot
            ? await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. args], timeout: TimeSpan.FromSeconds(90))
            : await ProcessRunner.RunAsync(program, args, timeout: TimeSpan.FromSeconds(90));
        if (output.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {output}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
