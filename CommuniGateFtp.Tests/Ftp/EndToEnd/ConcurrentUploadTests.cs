using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// Many sessions writing at once (issue 17): no acknowledged byte lost, one whole upload per name, limits never passed,
/// and the usage in the database equal to the disk afterwards. Real ftplib sessions on the real service and database.
/// </summary>
public sealed class ConcurrentUploadTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private const string Password = "race-pass-1";

    private static string Script([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Scripts", "ftplib_concurrent_uploads.py");

    [Theory]
    [InlineData("appender8", 8, 100_000)]
    [InlineData("appender4", 4, 3 << 20)]
    public async Task Parallel_appends_to_one_file_all_land_whole(string account, int sessions, int size)
    {
        await CreateAccountAsync(account, "unlimited", "unlimited");

        var replies = await UploadAsync(account, sessions, size, "appe", "log.bin");

        Assert.All(replies.Values, reply => Assert.Equal("226", reply));
        var file = await File.ReadAllBytesAsync(Path.Combine(service.AccountRoot(account), "log.bin"));
        Assert.Equal((long)sessions * size, file.Length);
        var owners = Enumerable.Range(0, sessions).Select(block => OwnerOf(file.AsSpan(block * size, size))).ToList();
        Assert.Equal(Enumerable.Range(0, sessions), owners.Order()); // every session's block, each whole and contiguous
        await AssertUsageMatchesDiskAsync(account);
    }

    [Theory]
    [InlineData("replacer", true)]
    [InlineData("creator", false)]
    public async Task Parallel_stores_of_one_name_leave_exactly_one_whole_upload(string account, bool fileExists)
    {
        await CreateAccountAsync(account, "unlimited", "unlimited");
        if (fileExists)
        {
            TestFiles.Write(Path.Combine(service.AccountRoot(account), "same.bin"), 5_000);
            await ReconcileAsync();
        }

        var replies = await UploadAsync(account, 8, 300_000, "stor", "same.bin");

        Assert.All(replies.Values, reply => Assert.True(reply is "226" or "450", $"a clear reply, not {reply}"));
        var file = await File.ReadAllBytesAsync(Path.Combine(service.AccountRoot(account), "same.bin"));
        Assert.Equal(300_000, file.Length);
        var owner = OwnerOf(file);
        Assert.Equal("226", replies[owner.ToString()]);
        await AssertUsageMatchesDiskAsync(account);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(service.StorageRoot, ".staging"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Parallel_uploads_never_end_above_the_size_limit()
    {
        await CreateAccountAsync("sizecapped", "10M", "unlimited");

        var replies = await UploadAsync("sizecapped", 8, 3 << 20, "many", "part");

        Assert.All(replies.Values, reply => Assert.True(reply is "226" or "552", $"226 or 552, not {reply}"));
        Assert.Contains("226", replies.Values);
        var root = service.AccountRoot("sizecapped");
        foreach (var (session, reply) in replies)
        {
            var path = Path.Combine(root, $"part-{session}");
            Assert.Equal(reply == "226", File.Exists(path)); // a refused upload leaves nothing behind
            Assert.True(reply != "226" || new FileInfo(path).Length == 3 << 20);
        }
        var (bytes, _) = await AssertUsageMatchesDiskAsync("sizecapped");
        Assert.True(bytes <= 10 << 20, $"{bytes} bytes stored under a 10 MiB limit");
    }

    [Fact]
    public async Task Parallel_uploads_never_end_above_the_files_limit()
    {
        await CreateAccountAsync("filecapped", "unlimited", "5");

        var replies = await UploadAsync("filecapped", 12, 1_000, "many", "note");

        Assert.All(replies.Values, reply => Assert.True(reply is "226" or "552", $"226 or 552, not {reply}"));
        Assert.Equal(5, replies.Values.Count(reply => reply == "226"));
        var (_, files) = await AssertUsageMatchesDiskAsync("filecapped");
        Assert.Equal(5, files);
    }

    private async Task CreateAccountAsync(string name, string size, string files)
    {
        using var admin = await service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/accounts", new
        {
            name, domain = FtpServiceFactory.MainDomain, password = Password, storageSizeLimit = size, storageFilesLimit = files,
        })).EnsureSuccessStatusCode();
    }

    private async Task<Dictionary<string, string>> UploadAsync(string account, int sessions, int size, string mode, string name)
    {
        var run = await ProcessRunner.RunAsync(RequiredTool.Find("python3"),
            [Script(), service.FtpPort.ToString(), account, Password, sessions.ToString(), size.ToString(), mode, name], timeout: TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonSerializer.Deserialize<Dictionary<string, string>>(run.Stdout)!;
    }

    // The script fills session i's upload with "iiii" (four digits) repeated; a block of one pattern is one whole upload.
    private static int OwnerOf(ReadOnlySpan<byte> block)
    {
        var owner = int.Parse(Encoding.ASCII.GetString(block[..4]));
        var expected = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"{owner:0000}", block.Length / 4 + 1)))[..block.Length];
        Assert.True(block.SequenceEqual(expected), $"block of session {owner} is mixed with other bytes");
        return owner;
    }

    private async Task<(long Bytes, long Files)> AssertUsageMatchesDiskAsync(string account)
    {
        var disk = DiskUsage.Of(service.AccountRoot(account));
        using var admin = await service.CreateAdminClientAsync();
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{FtpServiceFactory.MainDomain}/{account}");
        Assert.Equal(disk, (stored.GetProperty("storageBytesUsed").GetInt64(), stored.GetProperty("storageFilesUsed").GetInt64()));
        return disk;
    }

    private async Task ReconcileAsync()
    {
        var reconciler = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<CommuniGateFtp.Ftp.Hosting.StorageReconciler>(service.Services);
        await reconciler.StartAsync(CancellationToken.None);
        await reconciler.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
