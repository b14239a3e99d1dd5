using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>lftp mirrors a tree with UTF-8 and space names up (mirror -R) and back down, byte-exact.</summary>
public sealed class LftpMirrorTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("cgftp-lftp-").FullName;

    public async ValueTask InitializeAsync() => await service.CreateFtpAccountAsync("mirror", "mirror-pass-1");

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Mirror_up_and_back_is_byte_exact()
    {
        var source = Path.Combine(_work, "source");
        TestFiles.Write(Path.Combine(source, "plain.bin"), 1_048_576 + 7);
        TestFiles.Write(Path.Combine(source, "with space", "Grüße – ünïcødé.txt"), 12_345);
        TestFiles.Write(Path.Combine(source, "with space", "deeper", "日本語 ファイル.dat"), 70_000);
        TestFiles.Write(Path.Combine(source, "empty-file"), 0);
        Directory.CreateDirectory(Path.Combine(source, "empty dir"));
        var back = Path.Combine(_work, "back");

        var script = string.Join("; ",
            "set ftp:passive-mode true", "set net:max-retries 1", "set net:timeout 20", "set ssl:verify-certificate no", "set ftp:ssl-allow no",
            $"open -u mirror,mirror-pass-1 -p {service.FtpPort} 127.0.0.1",
            $"mirror -R --verbose '{source}' /tree",
            $"mirror --verbose /tree '{back}'",
            "bye");
        var run = await ProcessRunner.RunAsync(RequiredTool.Find("lftp"), ["-c", script], timeout: TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.ToString());

        Assert.Equal(TestFiles.Tree(source), TestFiles.Tree(Path.Combine(service.AccountRoot("mirror"), "tree")));
        Assert.Equal(TestFiles.Tree(source), TestFiles.Tree(back));
        Assert.True(Directory.Exists(Path.Combine(back, "empty dir")));
    }
}
