using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// Live data-port settings on a running server with sessions open: the passive range (NET-PASVRANGE), the WAN address
/// (SET-WANADDR, NET-WAN, NET-LAN), the fixed active port and the active range (SET-FIXEDACTIVE, NET-ACTIVE).
/// </summary>
public sealed class DataPortSettingsTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    [Fact]
    public async Task Passive_range_change_applies_to_the_next_pasv_of_an_open_session()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("ranged", "ranged-pass-1");
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "ranged", "ranged-pass-1");
        Assert.InRange(RawFtpClient.EpsvPort(await client.CommandAsync("EPSV")), 50000, 50999);

        var port = TestPorts.Block(1);
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { passivePortMin = port, passivePortMax = port })).EnsureSuccessStatusCode();
        try
        {
            // A real client's transfer through the new range, then the open session's next PASV and EPSV.
            var curl = await ProcessRunner.RunAsync(RequiredTool.Find("curl"),
                ["-sS", "-v", "--max-time", "20", "--user", "ranged:ranged-pass-1", $"ftp://127.0.0.1:{service.FtpPort}/"]);
            Assert.True(curl.ExitCode == 0, curl.ToString());
            Assert.Contains($"(|||{port}|)", curl.Stderr);
            Assert.Equal(port, RawFtpClient.EpsvPort(await client.CommandAsync("EPSV")));
            Assert.EndsWith($",{port >> 8},{port & 255})", await client.CommandAsync("PASV"));

            var bad = await admin.PatchAsJsonAsync("/api/settings/ftp", new { passivePortMin = 2000, passivePortMax = 1000 });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("passivePortMin 2000 is above passivePortMax 1000", await bad.Content.ReadAsStringAsync());
            Assert.Equal(port, (await admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("passivePortMin").GetInt32());
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/settings/ftp", new FtpServerSettings())).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Pasv_and_lpsv_carry_the_wan_address_to_clients_outside_the_lan_list_only()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("wan", "wan-pass-1");
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "wan", "wan-pass-1");
        var bad = await admin.PatchAsJsonAsync("/api/settings/ftp", new { sendWanAddress = true, wanAddress = "2001:db8::7" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("wanAddress", await bad.Content.ReadAsStringAsync());

        // 127.0.0.1 is outside this LAN list: the client is "on the Internet".
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { sendWanAddress = true, wanAddress = "198.51.100.7", lanIps = "10.0.0.0/8" }))
            .EnsureSuccessStatusCode();
        try
        {
            var pasv = await client.CommandAsync("PASV");
            Assert.StartsWith("227 Entering Passive Mode (198,51,100,7,", pasv);
            Assert.StartsWith("228 Entering Long Passive Mode (4,4,198,51,100,7,2,", await client.CommandAsync("LPSV"));
            Assert.Matches(@"^229 Entering Extended Passive Mode \(\|\|\|\d+\|\)$", await client.CommandAsync("EPSV")); // unaffected

            // The advertised port is the real listener's: a NAT in front would forward it here.
            var pasvPort = PasvPort(await client.CommandAsync("PASV"));
            await client.SendAsync("NLST\r\n"u8.ToArray());
            using (var data = new TcpClient())
            {
                await data.ConnectAsync(IPAddress.Loopback, pasvPort);
                Assert.StartsWith("150", await client.ReadReplyAsync());
            }
            Assert.StartsWith("226", await client.ReadReplyAsync());

            // The default LAN list (null resets it, RFC 7396) holds 127.0.0.0/8: the local address again.
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { lanIps = (string?)null })).EnsureSuccessStatusCode();
            Assert.StartsWith("227 Entering Passive Mode (127,0,0,1,", await client.CommandAsync("PASV"));
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/settings/ftp", new FtpServerSettings())).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Fixed_active_port_off_takes_the_active_range_live_and_on_takes_the_control_port_minus_one_again()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("actor", "actor-pass-1");
        TestFiles.Write(Path.Combine(service.AccountRoot("actor"), "a.bin"), 4000);
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "actor", "actor-pass-1");
        Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
        var low = TestPorts.Block(5);
        var high = low + 4;
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { useFixedActivePort = false, activePortMin = low, activePortMax = high }))
            .EnsureSuccessStatusCode();
        try
        {
            Assert.InRange(await ActiveSourcePortAsync(client), low, high);

            // A real client (ftplib, PORT) sees its data connection come from the range too.
            var ftplib = await ProcessRunner.RunAsync(RequiredTool.Find("python3"), ["-c", FtplibActiveSourcePort, service.FtpPort.ToString()]);
            Assert.True(ftplib.ExitCode == 0, ftplib.ToString());
            Assert.InRange(int.Parse(ftplib.Stdout.Trim()), low, high);

            // No free port in the range: 425, and the log says why.
            using var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { useFixedActivePort = false, activePortMin = takenPort, activePortMax = takenPort }))
                .EnsureSuccessStatusCode();
            using var target = new TcpListener(IPAddress.Loopback, 0);
            target.Start();
            Assert.StartsWith("200", await client.CommandAsync($"EPRT |1|127.0.0.1|{((IPEndPoint)target.LocalEndpoint).Port}|"));
            Assert.StartsWith("425", await client.CommandAsync("RETR a.bin"));
            var log = await admin.GetFromJsonAsync<List<string>>("/api/log");
            Assert.Contains(log!, l => l.Contains($" 3 FTP-") && l.EndsWith($"no free port in the active port range {takenPort}-{takenPort}"));

            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { useFixedActivePort = true })).EnsureSuccessStatusCode();
            Assert.Equal(service.FtpPort - 1, await ActiveSourcePortAsync(client)); // the same session, SET-FIXEDACTIVE again
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/settings/ftp", new FtpServerSettings())).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_fixed_port_that_cannot_be_bound_falls_back_to_the_range_with_a_problems_record()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("fallback", "fallback-pass-1");
        TestFiles.Write(Path.Combine(service.AccountRoot("fallback"), "a.bin"), 4000);
        // The control connection arrives on 127.0.0.2, so the fixed port is 127.0.0.2:(control port − 1): hold it.
        var other = IPAddress.Parse("127.0.0.2");
        using var blocker = new TcpListener(other, service.FtpPort - 1);
        blocker.Start();
        var low = TestPorts.Block(5);
        var high = low + 4;
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { activePortMin = low, activePortMax = high })).EnsureSuccessStatusCode();
        try
        {
            await using var client = await RawFtpClient.ConnectAsync(new IPEndPoint(other, service.FtpPort), other, "fallback", "fallback-pass-1");
            Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
            Assert.InRange(await ActiveSourcePortAsync(client, other), low, high);
            var log = await admin.GetFromJsonAsync<List<string>>("/api/log");
            Assert.Contains(log!, l => l.Contains(" 3 FTP-") && l.Contains("([127.0.0.2]:")
                && l.EndsWith($"fixed active port {service.FtpPort - 1} could not be bound (AddressAlreadyInUse); using the active port range {low}-{high}"));
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/settings/ftp", new FtpServerSettings())).EnsureSuccessStatusCode();
        }
    }

    // EPRT to a listener of ours, RETR: the port the data connection comes from.
    private static async Task<int> ActiveSourcePortAsync(RawFtpClient client, IPAddress? clientAddress = null)
    {
        var address = clientAddress ?? IPAddress.Loopback;
        using var listener = new TcpListener(address, 0);
        listener.Start();
        Assert.StartsWith("200", await client.CommandAsync($"EPRT |1|{address}|{((IPEndPoint)listener.LocalEndpoint).Port}|"));
        await client.SendAsync("RETR a.bin\r\n"u8.ToArray());
        using var data = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("150", await client.ReadReplyAsync());
        var received = new MemoryStream();
        await data.GetStream().CopyToAsync(received);
        Assert.StartsWith("226", await client.ReadReplyAsync());
        Assert.Equal(4000, received.Length);
        return ((IPEndPoint)data.Client.RemoteEndPoint!).Port;
    }

    private static int PasvPort(string reply)
    {
        var numbers = reply[(reply.IndexOf('(') + 1)..reply.IndexOf(')')].Split(',').Select(int.Parse).ToArray();
        return numbers[4] * 256 + numbers[5];
    }

    private const string FtplibActiveSourcePort = """
        import ftplib, sys
        ftp = ftplib.FTP()
        ftp.connect('127.0.0.1', int(sys.argv[1]), timeout=20)
        ftp.login('actor', 'actor-pass-1')
        ftp.set_pasv(False)
        ftp.voidcmd('TYPE I')
        conn, size = ftp.ntransfercmd('RETR a.bin')
        port = conn.getpeername()[1]
        while conn.recv(65536):
            pass
        conn.close()
        ftp.voidresp()
        ftp.quit()
        print(port)
        """;
}
