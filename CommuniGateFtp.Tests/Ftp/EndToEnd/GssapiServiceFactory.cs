using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// The real service with a throwaway Kerberos realm: its keytab as <c>Ftp:Gssapi:Keytab</c>, realm <c>FTP.TEST</c>
/// mapped to the Main Domain (live setting <c>gssapiRealms</c>), and an FTP account <c>alice</c> for the principal.
/// The realm is the process's shared one (<see cref="KerberosRealm.Shared"/>): it outlives this fixture.
/// </summary>
public sealed class GssapiServiceFactory : FtpServiceFactory
{
    /// <summary>The realm; a test without the KDC packages is skipped here (and fails in CI).</summary>
    public KerberosRealm Realm => KerberosRealm.Shared;

    // Made (if not yet) while the service starts, so that its keytab is there to register; without the packages the
    // service runs without GSSAPI and each test skips.
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        KerberosRealm.IsInstalled ? [new("Ftp:Gssapi:Keytab", KerberosRealm.Shared.Keytab)] : [];

    protected override FtpServerSettings InitialSettings => base.InitialSettings with
    {
        GssapiRealms = $"{KerberosRealm.Realm} = {MainDomain}",
        DataConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
