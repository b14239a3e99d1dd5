using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;
using Npgsql;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>Settings stored in PostgreSQL and applied live: through the API, and from another node via NOTIFY.</summary>
public sealed class LiveSettingsTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    [Fact]
    public async Task Passive_mode_off_applies_to_an_open_session_and_active_mode_still_works()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("live", "live-pass-1");
        TestFiles.Write(Path.Combine(service.AccountRoot("live"), "f.bin"), 3000);
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "live", "live-pass-1");
        Assert.StartsWith("229", await client.CommandAsync("EPSV"));

        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/settings/ftp", new { passiveMode = false })).StatusCode);
        try
        {
            Assert.Equal("502 Passive mode disabled", await client.CommandAsync("PASV"));
            Assert.Equal("502 Passive mode disabled", await client.CommandAsync("EPSV"));

            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
            Assert.StartsWith("200", await client.CommandAsync($"EPRT |1|127.0.0.1|{((IPEndPoint)listener.LocalEndpoint).Port}|"));
            await client.SendAsync("RETR f.bin\r\n"u8.ToArray());
            using var data = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.StartsWith("150", await client.ReadReplyAsync());
            var received = new MemoryStream();
            await data.GetStream().CopyToAsync(received);
            Assert.StartsWith("226", await client.ReadReplyAsync());
            Assert.Equal(3000, received.Length);

            // Invalid input is refused with a clear message, and the old value stays.
            var bad = await admin.PatchAsync("/api/settings/ftp", new StringContent("""{"passiveMode":true,"channelz":3}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("channelz", await bad.Content.ReadAsStringAsync());
            Assert.False((await admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("passiveMode").GetBoolean());
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { passiveMode = true })).EnsureSuccessStatusCode();
        }
        Assert.StartsWith("229", await client.CommandAsync("EPSV"));
    }

    [Fact]
    public async Task Legacy_list_sends_an_empty_listing_for_a_missing_directory()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("legacy", "legacy-pass-1");
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "legacy", "legacy-pass-1");
        Assert.StartsWith("229", await client.CommandAsync("EPSV"));
        Assert.StartsWith("550", await client.CommandAsync("LIST missing"));

        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { legacyList = true })).EnsureSuccessStatusCode();
        try
        {
            var port = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));
            await client.SendAsync("LIST missing\r\n"u8.ToArray());
            using var data = new TcpClient();
            await data.ConnectAsync(IPAddress.Loopback, port);
            Assert.StartsWith("150", await client.ReadReplyAsync());
            var listing = new MemoryStream();
            await data.GetStream().CopyToAsync(listing);
            Assert.StartsWith("226", await client.ReadReplyAsync());
            Assert.Equal(0, listing.Length);
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { legacyList = false })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_change_saved_by_another_node_arrives_through_notify()
    {
        var admin = await service.CreateAdminClientAsync();
        await using (var otherNode = new NpgsqlConnection(service.ConnectionString))
        {
            await otherNode.OpenAsync();
            await using var save = new NpgsqlCommand("""
                INSERT INTO settings ("Key", "Value", "UpdatedAt") VALUES ('ftp', '{"passiveMode":true,"legacyList":true}', now())
                ON CONFLICT ("Key") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = now();
                NOTIFY cgftp_settings;
                """, otherNode);
            await save.ExecuteNonQueryAsync();
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        bool legacy;
        do
        {
            legacy = (await admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("legacyList").GetBoolean();
            await Task.Delay(50);
        }
        while (!legacy && DateTime.UtcNow < deadline);
        Assert.True(legacy);
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { legacyList = false })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Blacklisted_clients_get_421_before_any_command()
    {
        var admin = await service.CreateAdminClientAsync();
        var bad = await admin.PatchAsJsonAsync("/api/settings/ftp", new { blacklistedIps = "127.0.0.2\n300.1.1.1" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("line 2", await bad.Content.ReadAsStringAsync());

        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { blacklistedIps = "127.0.0.0/8\n!127.0.0.1 ; this host's own clients" })).EnsureSuccessStatusCode();
        try
        {
            using var blocked = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            blocked.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
            await blocked.ConnectAsync(IPAddress.Loopback, service.FtpPort);
            var refusal = await new StreamReader(new NetworkStream(blocked)).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("421 Access denied\r\n", refusal);

            await using var allowed = await RawFtpClient.ConnectAsync(service.FtpPort);
            Assert.StartsWith("200", await allowed.CommandAsync("NOOP"));
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { blacklistedIps = "" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Log_level_applies_live_and_passwords_never_reach_the_log()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("logged", "secret-password-9");
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { logLevel = "LowLevel" })).EnsureSuccessStatusCode();
        try
        {
            await using (var client = await RawFtpClient.ConnectAsync(service.FtpPort, "logged", "secret-password-9"))
            {
                Assert.StartsWith("221", await client.CommandAsync("QUIT"));
            }
            var lines = await admin.GetFromJsonAsync<List<string>>("/api/log");
            Assert.DoesNotContain(lines!, l => l.Contains("secret-password-9"));
            Assert.Contains(lines!, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d\d:\d\d:\d\d\.\d{3} 4 FTP-\d{6}\(\[127\.0\.0\.1\]:\d+\) PASS \*\*\* -> 230$"));
            Assert.Contains(lines!, l => l.Contains($" 2 FTP-") && l.EndsWith($"login logged@{FtpServiceFactory.MainDomain} ok (PASS, TLS no)"));

            // The stream starts with the recent records.
            using var stream = await admin.GetStreamAsync("/api/log/stream");
            using var reader = new StreamReader(stream);
            Assert.Equal("event: log", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.StartsWith("data: ", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));

            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { logLevel = "None" })).EnsureSuccessStatusCode();
            var before = (await admin.GetFromJsonAsync<List<string>>("/api/log"))!.Count;
            await using (var quiet = await RawFtpClient.ConnectAsync(service.FtpPort, "logged", "secret-password-9"))
            {
                Assert.StartsWith("200", await quiet.CommandAsync("NOOP"));
            }
            Assert.Equal(before, (await admin.GetFromJsonAsync<List<string>>("/api/log"))!.Count);
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { logLevel = "Problems" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Login_failure_limit_and_timeouts_apply_live_and_are_validated()
    {
        var admin = await service.CreateAdminClientAsync();
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort);
        var invalid = await admin.PatchAsJsonAsync("/api/settings/ftp", new { idleTimeout = "00:00:00", maxLoginFailures = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problems = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("idleTimeout", problems);
        Assert.Contains("maxLoginFailures", problems);

        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { maxLoginFailures = 1, loginFailureDelay = "00:00:00" })).EnsureSuccessStatusCode();
        try
        {
            Assert.StartsWith("331", await client.CommandAsync("USER nobody"));
            Assert.Equal("421 Too many login failures", await client.CommandAsync("PASS wrong")); // the open session obeys the new limit
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { loginFailureDelay = "00:00:00.050" })).EnsureSuccessStatusCode();
        }
    }
}
