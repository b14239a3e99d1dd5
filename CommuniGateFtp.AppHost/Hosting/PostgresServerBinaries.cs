using System.Diagnostics;

namespace CommuniGateFtp.AppHost.Hosting;

/// <summary>Finds Debian's PostgreSQL server binaries and, as root on Debian or Ubuntu, installs them when missing.</summary>
internal static class PostgresServerBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> holding <c>postgres</c> and <c>initdb</c>, or null.</summary>
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServer(configured) ? configured : null;
        }
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }
        return Directory.GetDirectories(DebianRoot)
            .Select(version => Path.Combine(version, "bin"))
            .Where(HasServer)
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    /// <summary>True when this process may install Debian packages itself (root on a Debian-family system).</summary>
    public static bool CanInstall() =>
        Environment.UserName == "root" && File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");

    /// <summary>Runs <c>apt-get install postgresql</c>, echoing progress to the console.</summary>
    public static void Install(TextWriter log)
    {
        log.WriteLine("PostgreSQL server binaries not found: installing Debian's 'postgresql' package (apt-get) ...");
        Run(log, "apt-get", "update", "-qq");
        Run(log, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql");
        log.WriteLine("PostgreSQL installed.");
    }

    private static bool HasServer(string bin) =>
        File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb"));

    private static void Run(TextWriter log, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardInput = true };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            log.WriteLine($"{file} {string.Join(' ', args)} failed with exit code {process.ExitCode}.");
            throw new InvalidOperationException($"Installing PostgreSQL failed ({file} exit code {process.ExitCode}).");
        }
    }
}
