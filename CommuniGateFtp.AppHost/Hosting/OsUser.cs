using System.Diagnostics;

namespace CommuniGateFtp.AppHost.Hosting;

/// <summary>
/// PostgreSQL refuses to run as root. As root we run its binaries as the <c>postgres</c> OS user through
/// <c>setpriv</c>, which execs (so signals from DCP reach postgres itself); as anyone else we run them directly.
/// </summary>
internal static class OsUser
{
    public const string PostgresUser = "postgres";

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command and leading arguments that run <paramref name="program"/> as the server's OS user.</summary>
    public static (string Command, string[] Args) Wrap(string program) =>
        IsRoot
            ? ("setpriv", ["--reuid=" + PostgresUser, "--regid=" + PostgresUser, "--init-groups", "--", program])
            : (program, []);

    /// <summary>Creates the <c>postgres</c> system user when running as root and it does not exist yet.</summary>
    public static async Task EnsurePostgresUserAsync(CancellationToken cancellationToken)
    {
        if (!IsRoot || (await RunAsync("id", ["-u", PostgresUser], null, cancellationToken)).ExitCode == 0)
        {
            return;
        }
        await RunCheckedAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PostgresUser], null, cancellationToken);
    }

    /// <summary>Gives the directory (and its contents) to the server's OS user when running as root.</summary>
    public static async Task GiveToPostgresAsync(string directory, CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await RunCheckedAsync("chown", ["-R", $"{PostgresUser}:{PostgresUser}", directory], null, cancellationToken);
        }
    }

    /// <summary>Runs a PostgreSQL binary as the server's OS user and fails with its output when it fails.</summary>
    public static Task<ProcessResult> RunAsPostgresCheckedAsync(string program, IEnumerable<string> args, string? stdin, CancellationToken cancellationToken)
    {
        var (command, prefix) = Wrap(program);
        return RunCheckedAsync(command, [.. prefix, .. args], stdin, cancellationToken);
    }

    public static async Task<ProcessResult> RunCheckedAsync(string command, IEnumerable<string> args, string? stdin, CancellationToken cancellationToken)
    {
        var result = await RunAsync(command, args, stdin, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with exit code {result.ExitCode}: {result.Output.Trim()}");
        }
        return result;
    }

    public static async Task<ProcessResult> RunAsync(string command, IEnumerable<string> args, string? stdin, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server's OS user cannot read root's working directory.
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start '{command}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        return new ProcessResult(process.ExitCode, await stdout + await stderr);
    }
}

internal readonly record struct ProcessResult(int ExitCode, string Output);
