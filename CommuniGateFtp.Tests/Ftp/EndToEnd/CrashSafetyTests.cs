using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// kill -9 of the Ftp service in the middle of uploads (issue 17, FS-ATOMIC): a replaced file survives whole, no staging
/// file outlives the next start, a new file's part stays for REST, and usage equals the disk after the restart.
/// </summary>
public sealed class CrashSafetyTests : IAsyncLifetime
{
    private const string Account = "crashy";
    private const string Password = "crash-pass-1";
    private FtpServiceProcess _service = null!;

    public async ValueTask InitializeAsync()
    {
        _service = await FtpServiceProcess.StartAsync();
        using var admin = await _service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/accounts", new { name = Account, domain = FtpServiceProcess.MainDomain, password = Password }))
            .EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => _service.DisposeAsync();

    [Fact]
    public async Task A_replacement_cut_by_a_crash_leaves_the_old_file_and_no_staging_file()
    {
        var old = TestFiles.Write(Path.Combine(_service.AccountRoot(Account), "report.bin"), 200_000);
        var oldBytes = await File.ReadAllBytesAsync(old);

        await using (var upload = await StartUploadAsync("report.bin", 2 << 20))
        {
            await WaitUntilAsync(() => Directory.Exists(_service.StagingDirectory)
                && Directory.EnumerateFiles(_service.StagingDirectory).Any(f => new FileInfo(f).Length > 0));
            await _service.KillAsync();
        }
        Assert.Equal(oldBytes, await File.ReadAllBytesAsync(old));

        await _service.RestartAsync();

        Assert.Empty(Directory.EnumerateFiles(_service.StagingDirectory));
        Assert.Equal(oldBytes, await File.ReadAllBytesAsync(old));
        await Eventually.HoldsAsync(AssertUsageMatchesDiskAsync);
    }

    [Fact]
    public async Task A_new_upload_cut_by_a_crash_keeps_its_part_for_rest()
    {
        var data = new byte[3 << 20];
        Random.Shared.NextBytes(data);
        var path = Path.Combine(_service.AccountRoot(Account), "fresh.bin");

        await using (var upload = await StartUploadAsync("fresh.bin", data.Length - 1000, data))
        {
            await WaitUntilAsync(() => File.Exists(path) && new FileInfo(path).Length >= 1 << 20);
            await _service.KillAsync();
        }
        await _service.RestartAsync();

        var part = await File.ReadAllBytesAsync(path);
        Assert.True(part.Length > 0 && part.AsSpan().SequenceEqual(data.AsSpan(0, part.Length)), "the part is what the client sent, from the start");
        await Eventually.HoldsAsync(AssertUsageMatchesDiskAsync);

        await using var client = await RawFtpClient.ConnectAsync(_service.FtpPort, Account, Password);
        Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
        Assert.StartsWith("350", await client.CommandAsync($"REST {part.Length}"));
        var port = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));
        using (var dataConnection = new TcpClient())
        {
            await dataConnection.ConnectAsync(IPAddress.Loopback, port);
            Assert.StartsWith("150", await client.CommandAsync("STOR fresh.bin"));
            await dataConnection.GetStream().WriteAsync(data.AsMemory(part.Length));
        }
        Assert.StartsWith("226", await client.ReadReplyAsync());
        Assert.Equal(data, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Sigterm_during_an_upload_tells_the_client_and_leaves_the_old_file()
    {
        var old = TestFiles.Write(Path.Combine(_service.AccountRoot(Account), "ledger.bin"), 100_000);
        var oldBytes = await File.ReadAllBytesAsync(old);
        await using var idle = await RawFtpClient.ConnectAsync(_service.FtpPort, Account, Password);
        var upload = (Upload)await StartUploadAsync("ledger.bin", 1 << 20);
        await using (upload)
        {
            await WaitUntilAsync(() => Directory.Exists(_service.StagingDirectory)
                && Directory.EnumerateFiles(_service.StagingDirectory).Any(f => new FileInfo(f).Length > 0));

            var exit = await _service.TerminateAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, exit);
            Assert.StartsWith("426", await upload.Control.ReadReplyAsync());
            Assert.Equal("421 Service closing control connection", await upload.Control.ReadReplyAsync());
            Assert.Equal("421 Service closing control connection", await idle.ReadReplyAsync());
        }
        Assert.Equal(oldBytes, await File.ReadAllBytesAsync(old));
        Assert.Empty(Directory.EnumerateFiles(_service.StagingDirectory)); // cleaned by the upload itself, not by a restart
        await _service.RestartAsync();
    }

    // A session that has sent STOR and part of the data, and keeps both connections open until disposed.
    private async Task<IAsyncDisposable> StartUploadAsync(string name, int bytes, byte[]? data = null)
    {
        var client = await RawFtpClient.ConnectAsync(_service.FtpPort, Account, Password);
        Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
        var port = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));
        var dataConnection = new TcpClient();
        await dataConnection.ConnectAsync(IPAddress.Loopback, port);
        Assert.StartsWith("150", await client.CommandAsync($"STOR {name}"));
        await dataConnection.GetStream().WriteAsync(data is null ? new byte[bytes] : data.AsMemory(0, bytes));
        return new Upload(client, dataConnection);
    }

    private async Task AssertUsageMatchesDiskAsync()
    {
        using var admin = await _service.CreateAdminClientAsync();
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{FtpServiceProcess.MainDomain}/{Account}");
        Assert.Equal(DiskUsage.Of(_service.AccountRoot(Account)),
            (stored.GetProperty("storageBytesUsed").GetInt64(), stored.GetProperty("storageFilesUsed").GetInt64()));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the upload never reached the disk");
            await Task.Delay(50);
        }
    }

    private sealed class Upload(RawFtpClient control, TcpClient data) : IAsyncDisposable
    {
        public RawFtpClient Control => control;

        public async ValueTask DisposeAsync()
        {
            data.Dispose();
            await control.DisposeAsync();
        }
    }
}
