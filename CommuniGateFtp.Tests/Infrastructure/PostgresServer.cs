using Npgsql;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test run's own, from the machine's server binaries, on a free loopback port (as root it
/// runs as the <c>postgres</c> OS user). Outage tests pause, crash and restart one of their own; the rest share one
/// (<see cref="TestPostgres"/>). Removed when the test process exits.
/// </summary>
public sealed class PostgresServer
{
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asRoot = Environment.UserName == "root" && !OperatingSystem.IsWindows();

    private readonly bool _durable;

    private PostgresServer(string bin, string root, bool durable) => (_bin, _root, _durable) = (bin, root, durable);

    public int Port { get; } = TestPostgres.FreePort();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string Data => Path.Combine(_root, "data");

    /// <summary>
    /// Starts a new server. Not <paramref name="durable"/> (the shared one): commits are acknowledged before they reach
    /// the log, which is faster and loses the last moments' changes in a crash; crash tests need <paramref name="durable"/>.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            RequiredTool.Missing("postgresql", "PostgreSQL server binaries are not installed (apt-get install postgresql)");
        }
        var server = new PostgresServer(bin!, Directory.CreateTempSubdirectory("cgftp-pg-").FullName, durable);
        if (server._asRoot && !OperatingSystem.IsWindows())
        {
            await ProcessRunner.RunAsync("sh", ["-c", "id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres"]);
            File.SetUnixFileMode(server._root, (UnixFileMode)Convert.ToInt32("755", 8));
            await ProcessRunner.RunAsync("chown", ["postgres:postgres", server._root]);
        }
        await server.RunAsServerUserAsync("initdb", ["-D", server.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await server.StartAgainAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.ContinueAsync().GetAwaiter().GetResult();
            server.RunAsServerUserAsync("pg_ctl", ["-D", server.Data, "-m", "immediate", "-w", "stop"], check: false).GetAwaiter().GetResult();
            Directory.Delete(server._root, recursive: true);
        };
        return server;
    }

    /// <summary>A new database of its own on this server.</summary>
    public Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(ConnectionString);

    /// <summary>A new database of its own on the server <paramref name="server"/> connects to.</summary>
    public static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>(Re)starts the server on the same data and port.</summary>
    // max_connections: the whole run's services share one server, each with its pool and its LISTEN connections
    // (settings, ACLs, cluster, blacklist); 300 ran out once the cluster and ACL listeners came ("too many clients").
    public Task StartAgainAsync() => RunAsServerUserAsync("pg_ctl",
        ["-D", Data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o",
         $"-c listen_addresses=127.0.0.1 -p {Port} -k {_root} -c fsync=off -c synchronous_commit={(_durable ? "on" : "off")} -c full_page_writes=off -c max_connections=1000", "start"]);

    /// <summary>Stops the server as a crash would (no checkpoint, connections cut).</summary>
    public Task CrashAsync() => RunAsServerUserAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);

    /// <summary>SIGSTOP to the server and every backend: connections stay open and nothing answers (a paused container).</summary>
    public Task PauseAsync() => SignalAllAsync("STOP");

    public Task ContinueAsync() => SignalAllAsync("CONT");

    private async Task SignalAllAsync(string signal)
    {
        var pidFile = Path.Combine(Data, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }
        var postmaster = (await File.ReadAllLinesAsync(pidFile))[0].Trim();
        await ProcessRunner.RunAsync("sh", ["-c", $"kill -{signal} {postmaster} $(pgrep -P {postmaster})"]);
    }

    private async Task RunAsServerUserAsync(string program, string[] args, bool check = true)
    {
        var path = Path.Combine(_bin, program);
        var output = _asRoot
            ? await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. args], timeout: TimeSpan.FromSeconds(90))
            : await ProcessRunner.RunAsync(path, args, timeout: TimeSpan.FromSeconds(90));
        if (check && output.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {output}");
        }
    }
}
