using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>
/// The started system with Kerberos: the AppHost forwards its <c>Gssapi:Keytab</c> to the ftp service, and the
/// independent client (python3-gssapi + ftplib) logs in by 232 and moves files byte-exact under PROT P and PROT S.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class GssapiEndToEndTests(AspireAppFixture fixture)
{
    [Fact]
    public async Task Kerberos_principal_logs_in_and_transfers_under_prot_p_and_s()
    {
        fixture.RequireStarted();
        Assert.True(fixture.RealmFailure is null, fixture.RealmFailure);
        var realm = fixture.Realm ?? KerberosRealm.Missing();
        var python = KerberosRealm.PythonWithGssapi();
        var api = await ManagementClient.CreateAsync(fixture);
        var domain = await ManagementClient.MainDomainAsync(api);
        (await api.PatchAsJsonAsync("/api/settings/ftp", new { gssapiRealms = $"{KerberosRealm.Realm} = {domain}" })).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/accounts", new { name = "alice", domain, password = "alice-pass-1" });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, created.ToString());

        var run = await ProcessRunner.RunAsync(python, [Script("gssapi_ftplib.py"), fixture.FtpPort.ToString(), "alice", "232"],
            environment: realm.ClientEnvironment, timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("OK", run.Stdout.Trim());
    }

    private static string Script(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Ftp", "EndToEnd", "Scripts", name);
}
