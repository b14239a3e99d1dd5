using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary><c>GET /api/stats</c>: what it counts matches what real clients did.</summary>
public sealed class StatsApiTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await service.CreateFtpAccountAsync("counted", "counted-pass-1");
        TestFiles.Write(Path.Combine(service.AccountRoot("counted"), "big.bin"), 48 * 1024 * 1024);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonElement> StatsAsync()
    {
        using var admin = await service.CreateAdminClientAsync();
        return await admin.GetFromJsonAsync<JsonElement>("/api/stats");
    }

    [Fact]
    public async Task Logins_and_failures_of_the_last_hour_are_counted()
    {
        var before = await StatsAsync();
        await using (var failing = await RawFtpClient.ConnectAsync(service.FtpPort))
        {
            Assert.StartsWith("331", await failing.CommandAsync("USER counted"));
            Assert.StartsWith("530", await failing.CommandAsync("PASS wrong-pass-1"));
        }
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "counted", "counted-pass-1");

        var after = await StatsAsync();
        Assert.Equal(before.GetProperty("loginsLastHour").GetInt32() + 1, after.GetProperty("loginsLastHour").GetInt32());
        Assert.Equal(before.GetProperty("loginFailuresLastHour").GetInt32() + 1, after.GetProperty("loginFailuresLastHour").GetInt32());
    }

    [Fact]
    public async Task Sessions_transfers_and_the_outgoing_rate_are_counted_now()
    {
        await Eventually.HoldsAsync(async () => Assert.Equal(0, (await StatsAsync()).GetProperty("sessions").GetInt32())); // earlier tests' sessions gone
        await using var idle = await RawFtpClient.ConnectAsync(service.FtpPort, "counted", "counted-pass-1");
        var curl = LiveSessions.SlowDownloadAsync(service.FtpPort, "counted", "counted-pass-1", "big.bin", "8M");
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                var stats = await StatsAsync();
                Assert.Equal(2, stats.GetProperty("sessions").GetInt32());
                Assert.Equal(1, stats.GetProperty("transfers").GetInt32());
                Assert.True(stats.GetProperty("bytesOutPerSecond").GetDouble() > 0);
                Assert.Equal(0, stats.GetProperty("bytesInPerSecond").GetDouble());
            });
        }
        finally
        {
            Assert.True((await curl).ExitCode == 0, (await curl).ToString());
        }
    }

    [Fact]
    public async Task Listener_sockets_show_bound_and_all_unbound_at_channels_0()
    {
        var socket = (await StatsAsync()).GetProperty("listeners").EnumerateArray().Single();
        Assert.Equal((service.FtpPort, true), (socket.GetProperty("port").GetInt32(), socket.GetProperty("bound").GetBoolean()));

        using var admin = await service.CreateAdminClientAsync();
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 0 })).EnsureSuccessStatusCode();
        try
        {
            var closed = (await StatsAsync()).GetProperty("listeners").EnumerateArray().Single();
            Assert.False(closed.GetProperty("bound").GetBoolean());
            Assert.Contains("Channels is 0", closed.GetProperty("problem").GetString());
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 20 })).EnsureSuccessStatusCode();
        }
        Assert.True((await StatsAsync()).GetProperty("listeners").EnumerateArray().Single().GetProperty("bound").GetBoolean());
    }
}
