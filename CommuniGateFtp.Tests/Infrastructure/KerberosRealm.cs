using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// A throwaway MIT Kerberos realm <c>FTP.TEST</c> on a loopback port (the realm script: KDC, <c>alice@FTP.TEST</c> with a
/// ticket, a keytab with <c>ftp/localhost</c> and <c>host/localhost</c>), stopped on dispose. Native code reads
/// <c>KRB5_CONFIG</c> and <c>KRB5CCNAME</c> with getenv, which .NET's own environment never reaches, so
/// <see cref="UseInThisProcess"/> sets them with libc's setenv for the in-process clients.
/// </summary>
public sealed class KerberosRealm : IDisposable
{
    public const string Realm = "FTP.TEST";

    private KerberosRealm(string directory) => Directory = directory;

    public string Directory { get; }

    public string Config => Path.Combine(Directory, "krb5.conf");

    public string Keytab => Path.Combine(Directory, "ftp.keytab");

    public string CredentialCache => "FILE:" + Path.Combine(Directory, "ccache");

    /// <summary>The environment a child process (python3-gssapi, curl) needs to act as alice.</summary>
    public Dictionary<string, string> ClientEnvironment => new() { ["KRB5_CONFIG"] = Config, ["KRB5CCNAME"] = CredentialCache };

    private const string Kdc = "/usr/sbin/krb5kdc";

    /// <summary>Whether the KDC packages (krb5-kdc, krb5-admin-server, krb5-user) are installed.</summary>
    public static bool IsInstalled => File.Exists(Kdc) && File.Exists("/usr/sbin/kadmin.local") && File.Exists("/usr/bin/kinit");

    /// <summary>Skips the test (fails it in CI) for want of the packages.</summary>
    public static KerberosRealm Missing()
    {
        RequiredTool.Missing("krb5kdc", "the Kerberos packages krb5-kdc, krb5-admin-server and krb5-user are not installed (test.sh installs them)");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Creates the realm (see <see cref="IsInstalled"/>).</summary>
    public static KerberosRealm Start()
    {
        var kdc = Kdc;
        var directory = System.IO.Directory.CreateTempSubdirectory("cgftp-krb-").FullName;
        var port = TestPostgres.FreePort();
        var run = ProcessRunner.RunAsync("bash", [Script(), directory, port.ToString(), Realm],
            environment: new Dictionary<string, string> { ["PATH"] = $"{Path.GetDirectoryName(kdc)}:{Environment.GetEnvironmentVariable("PATH")}" },
            timeout: TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, run.ToString());
        return new KerberosRealm(directory);
    }

    /// <summary>Debian's python3 with python3-gssapi (the independent client); skips or fails (CI) without it.</summary>
    public static string PythonWithGssapi()
    {
        var python = RequiredTool.Find("python3", "/usr/bin/python3"); // Debian's: pyenv's has no python3-gssapi
        if (ProcessRunner.RunAsync(python, ["-c", "import gssapi"]).GetAwaiter().GetResult().ExitCode != 0)
        {
            RequiredTool.Missing("python3-gssapi", "python3-gssapi is not installed (test.sh installs it)");
        }
        return python;
    }

    /// <summary>Adds a principal with a random key that the server's keytab does not hold.</summary>
    public void AddServicePrincipal(string name)
    {
        var run = ProcessRunner.RunAsync("/usr/sbin/kadmin.local", ["-r", Realm, "-q", $"addprinc -randkey {name}"],
            environment: new Dictionary<string, string> { ["KRB5_CONFIG"] = Config, ["KRB5_KDC_PROFILE"] = Path.Combine(Directory, "kdc.conf") }).GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>Points this process's native Kerberos library at the realm and alice's tickets (see the class summary).</summary>
    public void UseInThisProcess()
    {
        SetNative("KRB5_CONFIG", Config);
        SetNative("KRB5CCNAME", CredentialCache);
    }

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
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static void SetNative(string name, string value) =>
        Assert.Equal(0, SetEnvironment([.. System.Text.Encoding.UTF8.GetBytes(name), 0], [.. System.Text.Encoding.UTF8.GetBytes(value), 0], 1));

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(byte[] name, byte[] value, int overwrite);

    private static string Script([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Ftp", "EndToEnd", "Scripts", "krb5-test-realm.sh");
}
