using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// The Listener table applied live on a running server (SET-LISTENER, NET-SOCKETS, NET-PERIP): sockets bound, unbound
/// and rebound without a restart, with their client lists and per-IP limits, validated through the API.
/// </summary>
public sealed class ListenerTableTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private static readonly IPAddress OtherClient = IPAddress.Parse("127.0.0.2");

    private object StartupRow => new { port = service.FtpPort, address = "*" };

    [Fact]
    public async Task The_start_up_socket_is_the_table_until_one_is_stored_and_invalid_tables_are_refused()
    {
        var admin = await service.CreateAdminClientAsync();
        var table = await admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp/listener");
        var row = Assert.Single(table.EnumerateArray());
        Assert.Equal(
            $$"""{"port":{{service.FtpPort}},"address":"*","secure":false,"allowedClients":"","perIpLimit":0}""",
            row.GetRawText());
        Assert.Equal(table.GetRawText(), (await admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("listener").GetRawText());

        var port = TestPostgres.FreePort();
        await AssertRefusedAsync(admin, $$"""[{"port":{{port}},"address":"127.0.0.1"},{"port":{{port}},"address":"127.0.0.1"}]""",
            $"Port {port} on '127.0.0.1' is already in the table as listener[0]");
        await AssertRefusedAsync(admin, $$"""[{"port":{{port}}},{"port":{{port}},"address":"::1"}]""", "listener[1].port");
        await AssertRefusedAsync(admin, """[{"port":70000}]""", "listener[0].port");
        await AssertRefusedAsync(admin, $$"""[{"port":{{port}},"address":"10.1"}]""", "listener[0].address");
        await AssertRefusedAsync(admin, $$"""[{"port":{{port}},"allowedClients":"10.0.0.0/33"}]""", "listener[0].allowedClients");
        await AssertRefusedAsync(admin, $$"""[{"port":{{port}},"perIpLimit":-1}]""", "listener[0].perIpLimit");
        await AssertRefusedAsync(admin, $$"""[{"port":{{port}},"secure":true}]""", "needs a TLS certificate"); // this server has none
        await AssertRefusedAsync(admin, $$"""[{"port":{{port}},"colour":"red"}]""", "colour");
        var whole = await admin.PatchAsync("/api/settings/ftp", Json($$"""{"listener":[{"port":{{port}}},{"port":{{port}}}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, whole.StatusCode);

        // The old table stays, and serves.
        Assert.Equal(table.GetRawText(), (await admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp/listener")).GetRawText());
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort);
    }

    [Fact]
    public async Task Sockets_are_bound_unbound_and_rebound_live_and_open_sessions_survive()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("sockets", "sockets-pass-1");
        await using var session = await RawFtpClient.ConnectAsync(service.FtpPort, "sockets", "sockets-pass-1");
        var (added, moved) = (TestPostgres.FreePort(), TestPostgres.FreePort());
        try
        {
            var both = await PutTableAsync(admin, StartupRow, new { port = added, address = "127.0.0.1" });
            Assert.Equal(2, both.GetArrayLength());
            var curl = await FtpClients.CurlAsync(added, "sockets", "sockets-pass-1"); // a real client on the new socket
            Assert.True(curl.ExitCode == 0, curl.ToString());

            await PutTableAsync(admin, new { port = added, address = "127.0.0.1" });
            AssertFree(service.FtpPort); // removed: really unbound
            Assert.StartsWith("200", await session.CommandAsync("NOOP"));

            // Moved to another port; a row given with port 0 is removed (CGP).
            var table = await PutTableAsync(admin, new { port = moved, address = "127.0.0.1" }, new { port = 0, address = "127.0.0.1" });
            Assert.Equal(moved, Assert.Single(table.EnumerateArray()).GetProperty("port").GetInt32());
            AssertFree(added);
            await using (var onMoved = await RawFtpClient.ConnectAsync(moved, "sockets", "sockets-pass-1"))
            {
                Assert.StartsWith("257", await onMoved.CommandAsync("PWD"));
            }
            Assert.StartsWith("200", await session.CommandAsync("NOOP"));
        }
        finally
        {
            await RestoreAsync(admin);
        }
        AssertFree(moved);
        await using var back = await RawFtpClient.ConnectAsync(service.FtpPort); // no table stored: the start-up socket again
    }

    [Fact]
    public async Task Client_list_and_per_ip_limit_refuse_with_421_counted_per_socket_and_change_in_place()
    {
        var admin = await service.CreateAdminClientAsync();
        var port = TestPostgres.FreePort();
        try
        {
            await PutTableAsync(admin, StartupRow, new { port, address = "127.0.0.1", allowedClients = "127.0.0.2 ; the only client", perIpLimit = 1 });
            Assert.Equal("421 Access denied\r\n", await RawFtpClient.RefusalAsync(port)); // 127.0.0.1 is not in the list

            var first = await RawFtpClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), OtherClient);
            Assert.Equal("421 Too many connections from your address, try again later\r\n", await RawFtpClient.RefusalAsync(port, OtherClient));
            await using (await RawFtpClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, service.FtpPort), OtherClient))
            {
                // Counted per socket: the start-up socket has no limit and its own count.
            }
            var log = await admin.GetFromJsonAsync<List<string>>("/api/log");
            Assert.Contains(log!, l => l.Contains(" 3 FTP-000000([127.0.0.1]:") && l.EndsWith($"connection to [127.0.0.1]:{port} refused: the client is not in the socket's client list"));

            // The first client leaves: its place is free again (once the server has ended its session).
            Assert.StartsWith("221", await first.CommandAsync("QUIT"));
            await first.DisposeAsync();
            RawFtpClient? staying = null;
            await Eventually.HoldsAsync(async () => staying = await RawFtpClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), OtherClient));
            await using var _ = staying!;

            // Client list and limit change in place: the open session stays, and everyone is served.
            await PutTableAsync(admin, StartupRow, new { port, address = "127.0.0.1" });
            await using (await RawFtpClient.ConnectAsync(port))
            {
            }
            await using (await RawFtpClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), OtherClient))
            {
            }
            Assert.StartsWith("200", await staying!.CommandAsync("NOOP"));
        }
        finally
        {
            await RestoreAsync(admin);
        }
    }

    [Fact]
    public async Task A_socket_that_cannot_be_bound_is_logged_and_the_others_keep_working()
    {
        var admin = await service.CreateAdminClientAsync();
        var port = TestPostgres.FreePort();
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        try
        {
            object[] rows = [StartupRow, new { port = takenPort, address = "127.0.0.1" }, new { port, address = "127.0.0.1" }];
            await PutTableAsync(admin, rows);
            var log = await admin.GetFromJsonAsync<List<string>>("/api/log");
            Assert.Single(log!, l => l.Contains($" 1 FTP-000000([127.0.0.1]:{takenPort}) listener socket could not be bound: "));
            await using (await RawFtpClient.ConnectAsync(service.FtpPort))
            {
            }
            await using (await RawFtpClient.ConnectAsync(port))
            {
            }

            // Once the port is free, the next change binds it.
            taken.Stop();
            await PutTableAsync(admin, rows);
            await using (await RawFtpClient.ConnectAsync(takenPort))
            {
            }
        }
        finally
        {
            taken.Stop();
            await RestoreAsync(admin);
        }
    }

    [Fact]
    public async Task Channels_count_over_every_socket_and_zero_unbinds_them_all()
    {
        var admin = await service.CreateAdminClientAsync();
        var port = TestPostgres.FreePort();
        object[] rows = [StartupRow, new { port, address = "127.0.0.1" }];
        try
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 1, listener = rows })).EnsureSuccessStatusCode();
            await using var session = await RawFtpClient.ConnectAsync(service.FtpPort);
            Assert.Equal("421 Too many connections, try again later\r\n", await RawFtpClient.RefusalAsync(port));

            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 0, listener = rows })).EnsureSuccessStatusCode();
            AssertFree(service.FtpPort);
            AssertFree(port);
            Assert.StartsWith("200", await session.CommandAsync("NOOP"));

            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 5, listener = rows })).EnsureSuccessStatusCode();
            await using (await RawFtpClient.ConnectAsync(port))
            {
            }
        }
        finally
        {
            await RestoreAsync(admin);
        }
    }

    private static async Task<JsonElement> PutTableAsync(HttpClient admin, params object[] rows)
    {
        var response = await admin.PutAsJsonAsync("/api/settings/ftp/listener", rows);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertRefusedAsync(HttpClient admin, string table, string problem)
    {
        var response = await admin.PutAsync("/api/settings/ftp/listener", Json(table));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync());
    }

    // No table stored: the start-up socket (with the port the system chose) serves again.
    private static async Task RestoreAsync(HttpClient admin) =>
        (await admin.PutAsJsonAsync("/api/settings/ftp", new FtpServerSettings())).EnsureSuccessStatusCode();

    // Nothing listens: the port can be bound by someone else (the settings API answers once the sockets follow).
    private static void AssertFree(int port)
    {
        using var probe = new TcpListener(IPAddress.IPv6Any, port) { Server = { DualMode = true } };
        probe.Start();
        probe.Stop();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
