using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary><c>DELETE /api/sessions/{id}</c> against a real client in the middle of a download (ADM-LIVE).</summary>
public sealed class DisconnectTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        await service.CreateFtpAccountAsync("kicked", "kicked-pass-1");
        TestFiles.Write(Path.Combine(service.AccountRoot("kicked"), "big.bin"), 48 * 1024 * 1024);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Disconnecting_a_slow_download_aborts_it_and_curl_hears_421()
    {
        using var admin = await service.CreateAdminClientAsync();
        var curl = LiveSessions.SlowDownloadAsync(service.FtpPort, "kicked", "kicked-pass-1", "big.bin", "1M", sizeUnknown: true);
        long id = 0;
        await Eventually.HoldsAsync(async () =>
        {
            var sessions = await admin.GetFromJsonAsync<JsonElement>("/api/sessions");
            var downloading = sessions.EnumerateArray().Single(s => s.GetProperty("transfer").ValueKind == JsonValueKind.Object);
            Assert.True(downloading.GetProperty("transfer").GetProperty("bytes").GetInt64() > 0);
            id = downloading.GetProperty("id").GetInt64();
        });

        Assert.Equal(HttpStatusCode.Accepted, (await admin.DeleteAsync($"/api/sessions/{id}")).StatusCode);

        var output = await curl;
        Assert.NotEqual(0, output.ExitCode);
        Assert.True(output.Stderr.Contains("< 421 Disconnected by the administrator"), output.ToString());
        await Eventually.HoldsAsync(async () =>
        {
            var sessions = await admin.GetFromJsonAsync<JsonElement>("/api/sessions");
            Assert.DoesNotContain(sessions.EnumerateArray(), s => s.GetProperty("id").GetInt64() == id);
            var recent = await admin.GetFromJsonAsync<JsonElement>("/api/transfers/recent");
            var aborted = recent.EnumerateArray().Single(t => t.GetProperty("sessionId").GetInt64() == id);
            Assert.Equal(426, aborted.GetProperty("replyCode").GetInt32());
            Assert.InRange(aborted.GetProperty("bytes").GetInt64(), 1, 48 * 1024 * 1024 - 1);
        });
    }
}
