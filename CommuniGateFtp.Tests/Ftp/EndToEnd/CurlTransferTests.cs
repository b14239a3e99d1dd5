using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>curl against the real engine: passive and active, upload, download, resume of an interrupted download.</summary>
public sealed class CurlTransferTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("cgftp-curl-").FullName;

    public async ValueTask InitializeAsync() => await service.CreateFtpAccountAsync("curly", "curly-pass-1");

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string Url(string path) => $"ftp://127.0.0.1:{service.FtpPort}/{path}";

    private Task<ProcessOutput> Curl(params string[] args) =>
        ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "--user", "curly:curly-pass-1", "--max-time", "60", .. args], timeout: TimeSpan.FromMinutes(2));

    [Fact]
    public async Task Upload_then_passive_and_active_downloads_are_byte_exact()
    {
        var original = TestFiles.Write(Path.Combine(_work, "in.bin"), 3_000_017);
        var up = await Curl("--ftp-create-dirs", "-T", original, Url("dir/sub/file.bin"));
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(Path.Combine(service.AccountRoot("curly"), "dir", "sub", "file.bin")));

        var passive = await Curl("-o", Path.Combine(_work, "passive.bin"), Url("dir/sub/file.bin"));
        Assert.True(passive.ExitCode == 0, passive.ToString());
        Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(Path.Combine(_work, "passive.bin")));

        var active = await Curl("--ftp-port", "127.0.0.1", "-v", "-o", Path.Combine(_work, "active.bin"), Url("dir/sub/file.bin"));
        Assert.True(active.ExitCode == 0, active.ToString());
        Assert.Contains("> EPRT |1|127.0.0.1|", active.Stderr);
        Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(Path.Combine(_work, "active.bin")));

        var pasv = await Curl("--disable-epsv", "-o", Path.Combine(_work, "pasv.bin"), Url("dir/sub/file.bin"));
        Assert.True(pasv.ExitCode == 0, pasv.ToString());
        Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(Path.Combine(_work, "pasv.bin")));
    }

    [Fact]
    public async Task Interrupted_100_megabyte_download_resumes_with_continue_at()
    {
        var original = TestFiles.Write(Path.Combine(service.AccountRoot("curly"), "big.bin"), 100 * 1024 * 1024);
        var local = Path.Combine(_work, "big.bin");

        // Slow enough that the time limit cuts it off part way.
        var cut = await ProcessRunner.RunAsync(RequiredTool.Find("curl"),
            ["-sS", "--user", "curly:curly-pass-1", "--limit-rate", "20M", "--max-time", "1", "-o", local, Url("big.bin")]);
        Assert.Equal(28, cut.ExitCode); // CURLE_OPERATION_TIMEDOUT
        var partial = new FileInfo(local).Length;
        Assert.InRange(partial, 1, new FileInfo(original).Length - 1);

        var resumed = await Curl("-v", "-C", "-", "-o", local, Url("big.bin"));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains($"> REST {partial}", resumed.Stderr);
        Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(local));
    }

    [Fact]
    public async Task Upload_resume_appends_the_tail_and_keeps_the_head()
    {
        var original = TestFiles.Write(Path.Combine(_work, "up.bin"), 2_000_000);
        var head = File.ReadAllBytes(original)[..700_000];
        Directory.CreateDirectory(service.AccountRoot("curly"));
        File.WriteAllBytes(Path.Combine(service.AccountRoot("curly"), "up.bin"), head);

        var resumed = await Curl("-v", "-C", "-", "-T", original, Url("up.bin"));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(Path.Combine(service.AccountRoot("curly"), "up.bin")));
    }

    [Fact]
    public async Task Directory_listing_shows_ls_lines()
    {
        TestFiles.Write(Path.Combine(service.AccountRoot("curly"), "listed", "a file.txt"), 10);
        var list = await Curl(Url("listed/"));
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"^-rw-rw-rw- 1 curly +ftp +10 \w{3} \d{2} \d{2}:\d{2} a file\.txt\r?\n$", list.Stdout);
    }

    [Fact]
    public async Task Mkd_without_a_name_sent_by_curl_gets_501()
    {
        // RFC 959 4.2: curl's quote command fails on the 501 (CURLE_QUOTE_ERROR, 21) and no directory appears.
        var quote = await Curl("-v", "-Q", "MKD", Url(""));
        Assert.Equal(21, quote.ExitCode);
        Assert.Contains("< 501 MKD needs an argument", quote.Stderr);
        Assert.DoesNotContain(Directory.GetDirectories(service.AccountRoot("curly")), d => Path.GetFileName(d).Trim().Length == 0);
    }
}
