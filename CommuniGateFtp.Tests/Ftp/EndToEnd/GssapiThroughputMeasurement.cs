using System.Diagnostics;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// The measurement behind docs/benchmarks.md's GSSAPI section: RETR throughput under PROT S and P beside the rate this
/// machine's GSSAPI wraps at, in the same run. Explicit (never part of a test run: it asserts nothing about speed); run
/// it with <c>dotnet test --filter GssapiThroughputMeasurement -- xUnit.Explicit=only</c>.
/// </summary>
public sealed class GssapiThroughputMeasurement(GssapiServiceFactory service, ITestOutputHelper output) : IClassFixture<GssapiServiceFactory>
{
    private const int FileSize = 512 << 20;

    [Fact(Explicit = true)]
    public async Task Retr_under_prot_s_and_p_against_the_wrap_ceiling()
    {
        _ = service.Realm;
        await service.CreateFtpAccountAsync("alice", "alice-ftp-password-1");
        var path = Path.Combine(service.AccountRoot("alice"), "big.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        TestFiles.Write(path, FileSize);
        foreach (var level in new[] { "P", "S", "P", "S", "P", "S" })
        {
            await using var client = await GssapiFtpClient.ConnectAsync(service.FtpPort);
            Assert.StartsWith("235", await client.AuthenticateAsync());
            client.Encrypt = level == "P";
            Assert.StartsWith("200", await client.CommandAsync("PBSZ 1048576"));
            Assert.StartsWith("200", await client.CommandAsync($"PROT {level}"));
            Assert.StartsWith("232", await client.CommandAsync("USER alice"));
            Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
            var ceiling64K = client.WrapRate(64 << 10, 256 << 20, privacy: level == "P");
            var ceiling1M = client.WrapRate(1 << 20, 256 << 20, privacy: level == "P");
            var watch = Stopwatch.StartNew();
            Assert.Equal(FileSize, await client.ReceiveCountAsync("RETR big.bin"));
            var retr = FileSize / (1024.0 * 1024.0) / watch.Elapsed.TotalSeconds;
            output.WriteLine($"PROT {level}: RETR {retr:F0} MiB/s; wrap ceiling 64 KiB {ceiling64K:F0} MiB/s, 1 MiB {ceiling1M:F0} MiB/s; ratio {retr / ceiling64K:F2} / {retr / ceiling1M:F2}");
        }
    }
}
