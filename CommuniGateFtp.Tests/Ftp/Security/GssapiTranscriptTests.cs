using CommuniGateFtp.Tests.Ftp.Sessions;

namespace CommuniGateFtp.Tests.Ftp.Security;

/// <summary>GSSAPI where it cannot work: a keytab that is not there (GSS-AUTH, CMD-FEAT-LIST).</summary>
public sealed class GssapiTranscriptTests
{
    [Fact]
    public Task Without_a_usable_keytab_auth_gssapi_gets_534_and_password_logins_go_on() => TranscriptHarness.RunAsync("""
        S: 220
        C: FEAT
        S- UTF8
        C: AUTH GSSAPI
        S: 534 GSSAPI is not available on this server
        C: ADAT AAAA
        S: 503 ADAT needs AUTH GSSAPI first
        C: MIC AAAA
        S: 503 Security data exchange not complete
        C: ENC AAAA
        S: 503
        C: CONF AAAA
        S: 503
        C: USER alice
        S: 331
        C: PASS secret
        S: 230
        """, o => o.Gssapi.Keytab = "/nonexistent/ftp.keytab");
}
