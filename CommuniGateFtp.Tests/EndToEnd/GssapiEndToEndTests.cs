using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>
/// The started system with Kerberos: the AppHost forwards its <c>Gssapi:Keytab</c> to the ftp service, and both clients —
/// ours on NegotiateAuthentication and the independent one (python3-gssapi + ftplib) — log in by 232 and move files
/// byte-exact under PROT S and PROT P. Both use the process's one realm (<see cref="KerberosRealm.Shared"/>).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class GssapiEndToEndTests(AspireAppFixture fixture)
{
    [Theory]
    [InlineData("S")]
    [InlineData("P")]
    public async Task Dotnet_client_logs_in_and_transfers_byte_exact(string level)
    {
        await AliceMappedAsync();
        await using var client = await GssapiFtpClient.ConnectAsync(fixture.FtpPort);
        Assert.StartsWith("235 ADAT=", await client.AuthenticateAsync());
        client.Encrypt = level == "P"; // as curl: MIC after PROT S, ENC after PROT P
        Assert.Equal("200 PBSZ=1048576", await client.CommandAsync("PBSZ 1048576"));
        Assert.StartsWith("200", await client.CommandAsync($"PROT {level}"));
        Assert.Equal("232 GSSAPI user alice@FTP.TEST is authorized as alice", await client.CommandAsync("USER alice"));
        Assert.StartsWith("200", await client.CommandAsync("TYPE I"));

        var content = new byte[3_000_000];
        Random.Shared.NextBytes(content);
        var name = $"dotnet-gss-{level}.bin";
        Assert.StartsWith("226", await client.SendAsync($"STOR {name}", content, privacy: level == "P"));
        Assert.Equal($"213 {content.Length}", await client.CommandAsync($"SIZE {name}"));
        var retrieved = await client.ReceiveAsync($"RETR {name}");
        Assert.True(content.AsSpan().SequenceEqual(retrieved), "retrieved byte-exact");
        Assert.StartsWith("350", await client.CommandAsync("REST 1234567"));
        var tail = await client.ReceiveAsync($"RETR {name}");
        Assert.True(content.AsSpan(1_234_567).SequenceEqual(tail), "the tail from the REST offset");
        Assert.Contains(name, Encoding.UTF8.GetString(await client.ReceiveAsync("NLST")));
        Assert.StartsWith("221", await client.CommandAsync("QUIT"));
    }

    [Fact]
    public async Task Python_gssapi_client_logs_in_and_transfers_under_prot_p_and_s()
    {
        var realm = await AliceMappedAsync();
        var python = KerberosRealm.PythonWithGssapi();
        var run = await ProcessRunner.RunAsync(python, [Script("gssapi_ftplib.py"), fixture.FtpPort.ToString(), "alice", "232"],
            environment: realm.ClientEnvironment, timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("OK", run.Stdout.Trim());
    }

    // FTP.TEST → the Main Domain, and an account alice there (idempotent: both tests call it).
    private async Task<KerberosRealm> AliceMappedAsync()
    {
        fixture.RequireStarted();
        Assert.True(fixture.RealmFailure is null, fixture.RealmFailure);
        var realm = fixture.Realm ?? KerberosRealm.Missing();
        using var api = await ManagementClient.CreateAsync(fixture);
        var domain = await ManagementClient.MainDomainAsync(api);
        (await api.PatchAsJsonAsync("/api/settings/ftp", new { gssapiRealms = $"{KerberosRealm.Realm} = {domain}" })).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/accounts", new { name = "alice", domain, password = "alice-pass-1" });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, created.ToString());
        return realm;
    }

    private static string Script(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "Ftp", "EndToEnd", "Scripts", name);
}
