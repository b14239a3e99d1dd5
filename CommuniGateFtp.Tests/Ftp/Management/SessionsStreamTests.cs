using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary><c>GET /api/sessions/stream</c> with real clients: a snapshot, then the life of a session and its transfer.</summary>
public sealed class SessionsStreamTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private const int FileSize = 48 * 1024 * 1024;

    public async ValueTask InitializeAsync()
    {
        await service.CreateFtpAccountAsync("streamer", "streamer-pass-1");
        var file = Path.Combine(service.AccountRoot("streamer"), "big.bin");
        if (!File.Exists(file))
        {
            TestFiles.Write(file, FileSize);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_stream_starts_with_a_snapshot_of_the_open_sessions()
    {
        using var admin = await service.CreateAdminClientAsync();
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "streamer", "streamer-pass-1");
        using var stream = await EventStreamReader.OpenAsync(admin, "/api/sessions/stream");

        var snapshot = (await stream.NextAsync(LiveSessions.Wait))!;
        Assert.Equal("snapshot", snapshot.Name);
        Assert.False(string.IsNullOrEmpty(snapshot.Json.GetProperty("node").GetString()));
        var mine = snapshot.Json.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("client").GetString()!.EndsWith($":{client.LocalPort}"));
        Assert.Equal($"streamer@{FtpServiceFactory.MainDomain}", mine.GetProperty("account").GetString());
        Assert.Equal("Password", mine.GetProperty("authentication").GetString());
        Assert.Equal("PASS ***", mine.GetProperty("lastCommand").GetString());
        Assert.Equal($"[127.0.0.1]:{service.FtpPort}", mine.GetProperty("listener").GetString());
        Assert.Equal(JsonValueKind.Array, snapshot.Json.GetProperty("recentTransfers").ValueKind);
    }

    [Fact]
    public async Task A_curl_download_is_opened_changes_with_moving_bytes_then_finishes_and_closes()
    {
        using var admin = await service.CreateAdminClientAsync();
        using var stream = await EventStreamReader.OpenAsync(admin, "/api/sessions/stream");
        Assert.Equal("snapshot", (await stream.NextAsync(LiveSessions.Wait))!.Name);

        var curl = LiveSessions.SlowDownloadAsync(service.FtpPort, "streamer", "streamer-pass-1", "big.bin", "12M");
        var opened = await stream.UntilAsync(e => e.Name == "opened", LiveSessions.Wait);
        var id = opened.Json.GetProperty("id").GetInt64();
        bool Mine(ServerEvent e) => e.Name is "opened" or "changed" or "closed" && e.Json.GetProperty("id").GetInt64() == id;

        // The running transfer's bytes move from one change to the next, and the size of the file is known.
        var seen = new List<long>();
        while (seen.Count < 3)
        {
            var changed = await stream.UntilAsync(e => e.Name == "changed" && Mine(e) && e.Json.GetProperty("transfer").ValueKind == JsonValueKind.Object,
                LiveSessions.Wait);
            var transfer = changed.Json.GetProperty("transfer");
            Assert.Equal("RETR", transfer.GetProperty("command").GetString());
            Assert.Equal(FileSize, transfer.GetProperty("size").GetInt64());
            var bytes = transfer.GetProperty("bytes").GetInt64();
            if (seen.Count == 0 || bytes > seen[^1])
            {
                seen.Add(bytes);
            }
        }

        // The finished transfer and the session's closing may come in one batch, in either order.
        ServerEvent? finished = null, closed = null;
        while (finished is null || closed is null)
        {
            var next = await stream.UntilAsync(e => Mine(e) || e.Name == "transfer", LiveSessions.Wait);
            finished = next.Name == "transfer" && next.Json.GetProperty("sessionId").GetInt64() == id ? next : finished;
            closed = next.Name == "closed" ? next : closed;
        }
        Assert.Equal(226, finished.Json.GetProperty("replyCode").GetInt32());
        Assert.Equal(FileSize, finished.Json.GetProperty("bytes").GetInt64());
        Assert.Equal(FileSize, closed.Json.GetProperty("bytesOut").GetInt64());
        Assert.Null(closed.Json.GetProperty("transfer").GetString());
        Assert.True((await curl).ExitCode == 0, (await curl).ToString());
    }

    [Fact]
    public async Task Recent_transfers_lists_a_finished_download_with_its_reply_code()
    {
        using var admin = await service.CreateAdminClientAsync();
        var curl = await LiveSessions.SlowDownloadAsync(service.FtpPort, "streamer", "streamer-pass-1", "big.bin", "1000M");
        Assert.True(curl.ExitCode == 0, curl.ToString());

        await Eventually.HoldsAsync(async () =>
        {
            var recent = await admin.GetFromJsonAsync<JsonElement>("/api/transfers/recent");
            var last = recent.EnumerateArray().Last();
            Assert.Equal(("RETR", "/big.bin", "Send", 226), (last.GetProperty("command").GetString(), last.GetProperty("path").GetString(),
                last.GetProperty("direction").GetString(), last.GetProperty("replyCode").GetInt32()));
            Assert.Equal($"streamer@{FtpServiceFactory.MainDomain}", last.GetProperty("account").GetString());
        });
    }

    [Fact]
    public async Task A_stream_that_is_never_read_does_not_hold_up_ftp_sessions()
    {
        using var admin = await service.CreateAdminClientAsync();
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { logLevel = "AllInfo" })).EnsureSuccessStatusCode();
        try
        {
            // Opened and never read: the server's writes to them stall once the socket buffers are full.
            using var sessions = await admin.GetAsync("/api/sessions/stream", HttpCompletionOption.ResponseHeadersRead);
            using var log = await admin.GetAsync("/api/log/stream", HttpCompletionOption.ResponseHeadersRead);
            await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "streamer", "streamer-pass-1");
            for (var i = 0; i < 2000; i++)
            {
                Assert.StartsWith("257", await client.CommandAsync("PWD").WaitAsync(LiveSessions.Wait));
            }
            var curl = await LiveSessions.SlowDownloadAsync(service.FtpPort, "streamer", "streamer-pass-1", "big.bin", "1000M");
            Assert.True(curl.ExitCode == 0, curl.ToString());
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { logLevel = "Problems" })).EnsureSuccessStatusCode();
        }
    }
}
