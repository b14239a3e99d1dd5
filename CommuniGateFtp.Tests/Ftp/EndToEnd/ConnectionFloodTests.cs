using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// SEC-DOS on real sockets: one address cannot hold every channel with connections that never log in, the first-command
/// and login deadlines free the slots, and floods count toward the temporary blacklist.
/// </summary>
public sealed class ConnectionFloodTests(BlacklistServiceFactory service) : IClassFixture<BlacklistServiceFactory>
{
    private IPEndPoint Server => new(IPAddress.Loopback, service.FtpPort);

    private async Task<TcpClient> OpenAsync(string from)
    {
        var tcp = new TcpClient(new IPEndPoint(IPAddress.Parse(from), 0));
        await tcp.ConnectAsync(Server);
        return tcp;
    }

    private static async Task<string?> FirstLineAsync(TcpClient tcp) =>
        await new StreamReader(tcp.GetStream()).ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_flood_of_silent_connections_from_one_address_never_keeps_another_address_out()
    {
        await service.CreateFtpAccountAsync("calm", "calm-pass-1");
        var flood = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 25; i++) // more than the 20 channels
            {
                flood.Add(await OpenAsync("127.0.0.10"));
            }
            var greetings = await Task.WhenAll(flood.Select(FirstLineAsync));
            Assert.Equal(10, greetings.Count(g => g!.StartsWith("220"))); // maxUnauthenticatedPerAddress
            Assert.All(greetings.Where(g => !g!.StartsWith("220")), g => Assert.StartsWith("421", g));

            await using var calm = await RawFtpClient.ConnectAsync(Server, IPAddress.Loopback, "calm", "calm-pass-1");
            Assert.StartsWith("257", await calm.CommandAsync("PWD"));
        }
        finally
        {
            flood.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Connections_over_the_per_address_limit_count_toward_the_blacklist()
    {
        var flood = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 13; i++) // 10 admitted, 3 refused: 3 offences
            {
                flood.Add(await OpenAsync("127.0.0.11"));
            }
            await Eventually.HoldsAsync(async () =>
                Assert.Equal(TemporaryBlacklistTests.Blacklisted, await RawFtpClient.RefusalAsync(service.FtpPort, IPAddress.Parse("127.0.0.11"))));
        }
        finally
        {
            flood.ForEach(c => c.Dispose());
        }
        using var admin = await service.CreateAdminClientAsync();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/blacklist/temporary");
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("address").GetString() == "127.0.0.11");
    }

    [Fact]
    public async Task Silent_connection_gets_421_at_the_first_command_deadline_which_frees_its_slot()
    {
        await service.ApplySettingsAsync(s => s with { FirstCommandTimeout = TimeSpan.FromSeconds(1), MaxUnauthenticatedPerAddress = 1 });
        try
        {
            using var silent = await OpenAsync("127.0.0.12");
            var reader = new StreamReader(silent.GetStream());
            Assert.StartsWith("220", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.StartsWith("421", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));

            await Eventually.HoldsAsync(async () =>
            {
                using var next = await OpenAsync("127.0.0.12"); // the one slot of this address is free again
                Assert.StartsWith("220", await FirstLineAsync(next));
            });
        }
        finally
        {
            await service.ApplySettingsAsync();
        }
    }

    [Fact]
    public async Task Connection_that_never_logs_in_gets_421_at_the_login_deadline()
    {
        await service.ApplySettingsAsync(s => s with { FirstCommandTimeout = TimeSpan.FromSeconds(1), LoginTimeout = TimeSpan.FromSeconds(4) });
        try
        {
            await using var client = await RawFtpClient.ConnectAsync(Server, IPAddress.Parse("127.0.0.13"));
            Assert.StartsWith("200", await client.CommandAsync("NOOP"));
            await Task.Delay(TimeSpan.FromSeconds(2)); // past the first-command deadline: a command came, so it no longer applies
            Assert.StartsWith("200", await client.CommandAsync("NOOP"));
            Assert.StartsWith("421", await client.ReadReplyAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await service.ApplySettingsAsync();
        }
    }

    [Fact]
    public async Task Deadline_expiries_count_toward_the_blacklist()
    {
        await service.ApplySettingsAsync(s => s with { FirstCommandTimeout = TimeSpan.FromSeconds(1) });
        try
        {
            var silent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => OpenAsync("127.0.0.14")));
            foreach (var tcp in silent)
            {
                using (tcp)
                {
                    var all = await new StreamReader(tcp.GetStream()).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
                    Assert.Contains("421", all);
                }
            }
            await Eventually.HoldsAsync(async () =>
                Assert.Equal(TemporaryBlacklistTests.Blacklisted, await RawFtpClient.RefusalAsync(service.FtpPort, IPAddress.Parse("127.0.0.14"))));
        }
        finally
        {
            await service.ApplySettingsAsync();
        }
    }
}
