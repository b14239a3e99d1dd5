using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// The test process's one throwaway MIT Kerberos realm <c>FTP.TEST</c> on a loopback port (the realm script: KDC,
/// <c>alice@FTP.TEST</c> with a ticket, a keytab with <c>ftp/localhost</c> and <c>host/localhost</c>), made on first use
/// and stopped when the process exits. One per process because what it sets is process-wide: native code reads
/// <c>KRB5_CONFIG</c> and <c>KRB5CCNAME</c> with getenv (set here with libc's setenv, which .NET's own environment never
/// reaches), and MIT registers a server's keytab for the whole process — two realms would pull them from under each
/// other's tests. So the in-process services (<c>GssapiServiceFactory</c>), the AppHost-started system
/// (<c>AspireAppFixture</c>) and every client share it, and nothing a test does changes credentials another test uses:
/// the service tickets the in-process clients need are fetched into the shared cache before any test runs (so the cache
/// is only read afterwards), and each child process (python3-gssapi, curl) gets its own copy of the cache.
/// </summary>
public sealed class KerberosRealm : IDisposable
{
    public const string Realm = "FTP.TEST";

    /// <summary>A service principal of the realm whose key the servers' keytab does not hold (the 535 test).</summary>
    public const string ServiceOutsideKeytab = "other/localhost";

    private static readonly Lazy<KerberosRealm> SharedRealm = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process's realm, made on first use; skips the test (fails it in CI) without the KDC packages.</summary>
    public static KerberosRealm Shared => IsInstalled ? SharedRealm.Value : Missing();

    private KerberosRealm(string directory) => Directory = directory;

    public string Directory { get; }

    public string Config => Path.Combine(Directory, "krb5.conf");

    public string Keytab => Path.Combine(Directory, "ftp.keytab");

    public string CredentialCache => "FILE:" + Path.Combine(Directory, "ccache");

    /// <summary>
    /// The environment a child process (python3-gssapi, curl) needs to act as alice, with a private copy of alice's
    /// credential cache: the tickets a child fetches and stores never touch the cache this process's clients read.
    /// </summary>
    public Dictionary<string, string> ClientEnvironment
    {
        get
        {
            var copy = Path.Combine(Directory, $"ccache-{Guid.NewGuid():N}");
            File.Copy(Path.Combine(Directory, "ccache"), copy);
            return new() { ["KRB5_CONFIG"] = Config, ["KRB5CCNAME"] = "FILE:" + copy };
        }
    }

    private const string Kdc = "/usr/sbin/krb5kdc";

    /// <summary>Whether the KDC packages (krb5-kdc, krb5-admin-server, krb5-user) are installed.</summary>
    public static bool IsInstalled => File.Exists(Kdc) && File.Exists("/usr/sbin/kadmin.local") && File.Exists("/usr/bin/kinit");

    /// <summary>Skips the test (fails it in CI) for want of the packages.</summary>
    public static KerberosRealm Missing()
    {
        RequiredTool.Missing("krb5kdc", "the Kerberos packages krb5-kdc, krb5-admin-server and krb5-user are not installed (test.sh installs them)");
        throw new InvalidOperationException("unreachable");
    }

    private static KerberosRealm StartShared()
    {
        var realm = Start();
        try
        {
            realm.Prepare();
        }
        catch
        {
            realm.Dispose();
            throw;
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => realm.Dispose();
        return realm;
    }

    // The principal outside the keytab exists before any test runs, and alice's service tickets are in the cache: from
    // here on the in-process clients only read it (MIT stores a ticket it fetches into the cache it read).
    private void Prepare()
    {
        Admin($"addprinc -randkey {ServiceOutsideKeytab}");
        var environment = new Dictionary<string, string> { ["KRB5_CONFIG"] = Config, ["KRB5CCNAME"] = CredentialCache };
        var run = ProcessRunner.Run("kvno", ["ftp/localhost", "host/localhost", ServiceOutsideKeytab], environment: environment,
            timeout: TimeSpan.FromSeconds(30));
        Assert.True(run.ExitCode == 0, run.ToString());
        UseInThisProcess();
    }

    private static KerberosRealm Start()
    {
        var kdc = Kdc;
        var directory = System.IO.Directory.CreateTempSubdirectory("cgftp-krb-").FullName;
        var port = TestPostgres.FreePort();
        var run = ProcessRunner.Run("bash", [Script(), directory, port.ToString(), Realm],
            environment: new Dictionary<string, string> { ["PATH"] = $"{Path.GetDirectoryName(kdc)}:{Environment.GetEnvironmentVariable("PATH")}" },
            timeout: TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.ToString());
        return new KerberosRealm(directory);
    }

    /// <summary>Debian's python3 with python3-gssapi (the independent client); skips or fails (CI) without it.</summary>
    public static string PythonWithGssapi()
    {
        var python = RequiredTool.Find("python3", "/usr/bin/python3"); // Debian's: pyenv's has no python3-gssapi
        if (ProcessRunner.Run(python, ["-c", "import gssapi"]).ExitCode != 0)
        {
            RequiredTool.Missing("python3-gssapi", "python3-gssapi is not installed (test.sh installs it)");
        }
        return python;
    }

    private void Admin(string query)
    {
        var run = ProcessRunner.Run("/usr/sbin/kadmin.local", ["-r", Realm, "-q", query],
            environment: new Dictionary<string, string> { ["KRB5_CONFIG"] = Config, ["KRB5_KDC_PROFILE"] = Path.Combine(Directory, "kdc.conf") });
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    // Points this process's native Kerberos library at the realm and alice's tickets (see the class summary).
    private void UseInThisProcess()
    {
        SetNative("KRB5_CONFIG", Config);
        SetNative("KRB5CCNAME", CredentialCache);
    }

    /// <summary>Stops the KDC and removes the realm's files (at process exit for <see cref="Shared"/>).</summary>
    public void Dispose()
    {
        var pidFile = Path.Combine(Directory, "kdc.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A child's cache copy still being written at exit: the temporary directory is left.
        }
    }

    private static void SetNative(string name, string value) =>
        Assert.Equal(0, SetEnvironment([.. System.Text.Encoding.UTF8.GetBytes(name), 0], [.. System.Text.Encoding.UTF8.GetBytes(value), 0], 1));

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(byte[] name, byte[] value, int overwrite);

    private static string Script([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Ftp", "EndToEnd", "Scripts", "krb5-test-realm.sh");
}
