using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace CommuniGateFtp.AppHost.Hosting;

/// <summary>
/// Prepares the data directory of a local PostgreSQL server before each start: initdb on the first run,
/// the superuser password brought back in line with the AppHost's parameter on later runs, and a server
/// left behind by a crashed run stopped so that it cannot block this one.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class LocalPostgresCluster(string binDirectory, string dataDirectory, ILogger logger)
{
    public string DataDirectory { get; } = dataDirectory;

    public async Task PrepareAsync(string password, CancellationToken cancellationToken)
    {
        await OsUser.EnsurePostgresUserAsync(cancellationToken);
        Directory.CreateDirectory(DataDirectory);
        await OsUser.GiveToPostgresAsync(DataDirectory, cancellationToken);
        File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        EnsureParentsTraversable();

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(password, cancellationToken);
            return;
        }
        await StopLeftoverServerAsync(cancellationToken);
        await SyncPasswordAsync(password, cancellationToken);
    }

    private async Task InitializeAsync(string password, CancellationToken cancellationToken)
    {
        logger.LogInformation("Creating a new PostgreSQL cluster in {DataDirectory}", DataDirectory);
        // initdb reads the password from a file the server's OS user can read; stdin would be root's pipe.
        var secretDirectory = Directory.CreateTempSubdirectory("cgftp-initdb-");
        try
        {
            var passwordFile = Path.Combine(secretDirectory.FullName, "pw");
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            await OsUser.GiveToPostgresAsync(secretDirectory.FullName, cancellationToken);
            await OsUser.RunAsPostgresCheckedAsync(Path.Combine(binDirectory, "initdb"),
                ["-D", DataDirectory, "-U", LocalPostgresServerResource.SuperUser, "--auth=scram-sha-256",
                 "--pwfile=" + passwordFile, "--encoding=UTF8", "--locale=C.UTF-8"], null, cancellationToken);
        }
        finally
        {
            secretDirectory.Delete(recursive: true);
        }
    }

    private async Task SyncPasswordAsync(string password, CancellationToken cancellationToken)
    {
        // Single-user mode needs no socket and no password: the parameter may have changed since initdb.
        var escaped = password.Replace("'", "''", StringComparison.Ordinal);
        await OsUser.RunAsPostgresCheckedAsync(Path.Combine(binDirectory, "postgres"),
            ["--single", "-D", DataDirectory, "-j", "postgres"],
            $"ALTER ROLE {LocalPostgresServerResource.SuperUser} PASSWORD '{escaped}';\n", cancellationToken);
    }

    private async Task StopLeftoverServerAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            return;
        }
        Process leftover;
        try
        {
            leftover = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return; // stale pid file: postgres removes it itself
        }
        if (!leftover.ProcessName.StartsWith("postgres", StringComparison.Ordinal))
        {
            return;
        }
        logger.LogWarning("Stopping PostgreSQL (pid {Pid}) left running on {DataDirectory} by an earlier run", pid, DataDirectory);
        await OsUser.RunAsync("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], null, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await leftover.WaitForExitAsync(timeout.Token);
    }

    private void EnsureParentsTraversable()
    {
        // The server's OS user must be able to reach its data directory through every parent.
        if (!OsUser.IsRoot)
        {
            return;
        }
        for (var dir = Directory.GetParent(DataDirectory); dir is not null && dir.FullName != "/"; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                logger.LogInformation("Allowing the postgres user to traverse {Directory}", dir.FullName);
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
    }
}
