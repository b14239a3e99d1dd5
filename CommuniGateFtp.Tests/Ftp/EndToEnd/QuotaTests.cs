using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>FS-QUOTA and FS-QUOTA-HIT against the database: limits stop writes with nothing left behind, usage follows.</summary>
public sealed class QuotaTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("cgftp-quota-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<HttpClient> CreateLimitedAccountAsync(string name, string size, string files)
    {
        var admin = await service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/accounts", new
        {
            name, domain = FtpServiceFactory.MainDomain, password = "quota-pass-1", storageSizeLimit = size, storageFilesLimit = files,
        })).EnsureSuccessStatusCode();
        return admin;
    }

    private async Task<(long Bytes, long Files)> UsageAsync(HttpClient admin, string name)
    {
        var account = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{FtpServiceFactory.MainDomain}/{name}");
        return (account.GetProperty("storageBytesUsed").GetInt64(), account.GetProperty("storageFilesUsed").GetInt64());
    }

    private Task<ProcessOutput> Curl(string name, params string[] args) =>
        ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "-v", "--user", $"{name}:quota-pass-1", .. args]);

    [Fact]
    public async Task Uploads_past_the_size_limit_end_with_552_and_leave_nothing()
    {
        var admin = await CreateLimitedAccountAsync("sized", "100K", "unlimited");
        var url = $"ftp://127.0.0.1:{service.FtpPort}";
        var small = TestFiles.Write(Path.Combine(_work, "small.bin"), 50_000);
        var big = TestFiles.Write(Path.Combine(_work, "big.bin"), 80_000);

        Assert.Equal(0, (await Curl("sized", "-T", small, $"{url}/small.bin")).ExitCode);
        Assert.Equal((50_000L, 1L), await UsageAsync(admin, "sized"));

        var over = await Curl("sized", "-T", big, $"{url}/big.bin");
        Assert.Contains("< 552 Exceeded storage allocation", over.Stderr);
        Assert.False(File.Exists(Path.Combine(service.AccountRoot("sized"), "big.bin")));

        var append = await Curl("sized", "--append", "-T", big, $"{url}/small.bin");
        Assert.Contains("< 552", append.Stderr);
        Assert.Equal(50_000, new FileInfo(Path.Combine(service.AccountRoot("sized"), "small.bin")).Length);

        // Replacing a file frees its bytes while the new one is written.
        var replacement = TestFiles.Write(Path.Combine(_work, "replacement.bin"), 90_000);
        Assert.Equal(0, (await Curl("sized", "-T", replacement, $"{url}/small.bin")).ExitCode);
        Assert.Equal((90_000L, 1L), await UsageAsync(admin, "sized"));

        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "sized", "quota-pass-1");
        Assert.StartsWith("250", await client.CommandAsync("DELE small.bin"));
        Assert.Equal((0L, 0L), await UsageAsync(admin, "sized"));
    }

    [Fact]
    public async Task Files_limit_counts_files_and_directories()
    {
        var admin = await CreateLimitedAccountAsync("counted", "unlimited", "2");
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "counted", "quota-pass-1");
        Assert.StartsWith("257", await client.CommandAsync("MKD one"));
        Assert.StartsWith("257", await client.CommandAsync("MKD two"));
        Assert.Equal("550 Files limit exceeded", await client.CommandAsync("MKD three"));
        Assert.StartsWith("229", await client.CommandAsync("EPSV"));
        Assert.Equal("552 Files limit exceeded", await client.CommandAsync("STOR new.txt"));
        Assert.StartsWith("250", await client.CommandAsync("RMD two"));
        Assert.Equal((0L, 1L), await UsageAsync(admin, "counted"));
        Assert.StartsWith("257", await client.CommandAsync("MKD three"));
    }

    [Fact]
    public async Task Usage_is_reconciled_from_the_disk()
    {
        var admin = await CreateLimitedAccountAsync("recounted", "unlimited", "unlimited");
        TestFiles.Write(Path.Combine(service.AccountRoot("recounted"), "a", "b.bin"), 1234);
        TestFiles.Write(Path.Combine(service.AccountRoot("recounted"), "c.bin"), 766);

        var reconciler = ActivatorUtilities.CreateInstance<StorageReconciler>(service.Services);
        await reconciler.StartAsync(CancellationToken.None);
        await reconciler.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((2000L, 3L), await UsageAsync(admin, "recounted"));
    }

    [Fact]
    public async Task Default_limits_come_from_the_domain()
    {
        var admin = await service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/domains", new { name = "limited.example", defaultStorageSizeLimit = "10K" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/accounts", new { name = "small", domain = "limited.example", password = "quota-pass-1" })).EnsureSuccessStatusCode();
        var bigger = TestFiles.Write(Path.Combine(_work, "20k.bin"), 20_000);
        var url = $"ftp://127.0.0.1:{service.FtpPort}/x.bin";

        var refused = await ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "-v", "--user", "small@limited.example:quota-pass-1", "-T", bigger, url]);
        Assert.Contains("< 552", refused.Stderr);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/domains/limited.example", new { defaultStorageSizeLimit = "unlimited" })).StatusCode);
        var accepted = await ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "--user", "small@limited.example:quota-pass-1", "-T", bigger, url]);
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/domains/limited.example", new { defaultStorageFilesLimit = "many" })).StatusCode);
    }
}
