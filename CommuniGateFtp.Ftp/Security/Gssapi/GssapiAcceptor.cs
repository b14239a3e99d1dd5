using System.Runtime.InteropServices;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Security.Gssapi;

/// <summary>
/// Whether this node can accept GSSAPI logins (FEAT lists <c>AUTH GSSAPI</c> only then): MIT's GSSAPI library is present
/// and a keytab is readable. The configured keytab (<c>Ftp:Gssapi:Keytab</c>) is registered with the library once it is
/// readable, before the first context — setting <c>KRB5_KTNAME</c> at run time would not reach native code. Without a setting,
/// MIT's defaults apply: <c>KRB5_KTNAME</c> from the environment at start, then <c>/etc/krb5.keytab</c>.
/// </summary>
public sealed class GssapiAcceptor(IOptions<FtpOptions> options, FtpLogBook log, ILogger<GssapiAcceptor> logger)
{
    private const string Library = "libgssapi_krb5.so.2";
    private const string DefaultKeytab = "/etc/krb5.keytab";
    private readonly Lock _gate = new();
    private bool _started;
    private bool _registered;
    private string? _problem;

    /// <summary>Null when AUTH GSSAPI can work; otherwise why not (for the <c>534</c> reply and the log).</summary>
    public string? Problem
    {
        get
        {
            EnsureStarted();
            lock (_gate)
            {
                return _problem ?? RegisterWhenReadable();
            }
        }
    }

    public bool IsAvailable => Problem is null;

    /// <summary>Registers the keytab and reports a configured keytab that cannot be used (LOG-CONTENT 1: Failures).</summary>
    public void EnsureStarted()
    {
        lock (_gate)
        {
            if (_started)
            {
                return;
            }
            _started = true;
            var configured = options.Value.Gssapi.Keytab;
            if (!NativeLibrary.TryLoad(Library, out _))
            {
                _problem = $"the GSSAPI library {Library} is not installed";
            }
            var problem = _problem ?? RegisterWhenReadable();
            if (problem is null)
            {
                logger.LogInformation("GSSAPI ready with keytab {Keytab}", KeytabPath());
            }
            else if (!string.IsNullOrWhiteSpace(configured) || Environment.GetEnvironmentVariable("KRB5_KTNAME") is { Length: > 0 })
            {
                // Configured but unusable: an operator's mistake worth a Failures record. No keytab at all is the normal case.
                logger.LogCritical("AUTH GSSAPI is unavailable: {Problem}", problem);
                log.WriteServer(CgpLogLevel.Failures, $"AUTH GSSAPI is unavailable: {problem}");
            }
        }
    }

    // The configured keytab is registered once it can be read, at start or when it appears later: the registration is
    // the whole process's acceptor keytab, and one that is not there would only replace a working one with nothing.
    private string? RegisterWhenReadable()
    {
        var problem = KeytabProblem(KeytabPath());
        var configured = options.Value.Gssapi.Keytab;
        if (problem is null && !_registered && !string.IsNullOrWhiteSpace(configured))
        {
            _registered = true;
            if (Register(configured) is var code and not 0)
            {
                _problem = $"the keytab {configured} could not be registered (GSSAPI status {code})";
                return _problem;
            }
        }
        return problem;
    }

    private string KeytabPath() =>
        options.Value.Gssapi.Keytab is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable("KRB5_KTNAME") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : DefaultKeytab;

    // Keytab names of other types (MEMORY:, KEYRING:) cannot be checked from here: the library is trusted with them.
    private static string? KeytabProblem(string name)
    {
        var path = name.StartsWith("FILE:", StringComparison.Ordinal) ? name[5..]
            : name.StartsWith("WRFILE:", StringComparison.Ordinal) ? name[7..]
            : name.Contains(':', StringComparison.Ordinal) && !name.StartsWith('/') ? null : name;
        if (path is null)
        {
            return null;
        }
        try
        {
            using var file = File.OpenRead(path);
            return file.Length > 0 ? null : $"the keytab {path} is empty";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the keytab {path} cannot be read ({ex.Message})";
        }
    }

    private static uint Register(string keytab) => RegisterAcceptorIdentity([.. System.Text.Encoding.UTF8.GetBytes(keytab), 0]);

    // MIT krb5's own call for a server's keytab (gssapi_krb5.h), given a NUL-terminated UTF-8 name; 0 = GSS_S_COMPLETE.
    [DllImport(Library, EntryPoint = "krb5_gss_register_acceptor_identity")]
    private static extern uint RegisterAcceptorIdentity(byte[] keytab);
}
