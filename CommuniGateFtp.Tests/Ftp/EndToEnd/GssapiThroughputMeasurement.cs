using System.Diagnostics;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// The measurement behind docs/benchmarks.md's GSSAPI section: RETR throughput under PROT S and P beside the rate this
/// machine's GSSAPI wraps at, in the same run. Explicit (never part of a test run: it asserts nothing about speed); run
/// it with <c>dotnet test --filter GssapiThroughputMeasurement -- xUnit.Explicit=only</c>.
/// Three figures per level: the client unwrapping every block (client and server share the machine's cores); the client
/// only framing the blocks (what the server sends when its client costs nothing, as on another machine); and the CPU
/// time this process spends per MiB in that framed RETR beside the CPU time one wrap-only MiB costs — a ratio that the
/// other work on a shared machine does not move as much as wall time; and the managed bytes the process allocates per MiB
/// of that RETR (client and server, the client framing into one reused buffer). Then a 256 MiB STOR from memory: the
/// client wraps as fast as the ceiling allows, the server unwraps and writes the file.
/// </summary>
public sealed class GssapiThroughputMeasurement(GssapiServiceFactory service, ITestOutputHelper output) : IClassFixture<GssapiServiceFactory>
{
    private const int FileSize = 512 << 20;
    private const int UploadSize = 256 << 20;
    private const double MiB = 1024.0 * 1024.0;

    [Fact(Explicit = true)]
    public async Task Retr_under_prot_s_and_p_against_the_wrap_ceiling()
    {
        _ = service.Realm;
        await service.CreateFtpAccountAsync("alice", "alice-ftp-password-1");
        var path = Path.Combine(service.AccountRoot("alice"), "big.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        TestFiles.Write(path, FileSize);
        var upload = new byte[UploadSize];
        Random.Shared.NextBytes(upload);
        foreach (var level in new[] { "P", "S", "P", "S", "P", "S" })
        {
            await using var client = await GssapiFtpClient.ConnectAsync(service.FtpPort);
            Assert.StartsWith("235", await client.AuthenticateAsync());
            var privacy = level == "P";
            client.Encrypt = privacy;
            Assert.StartsWith("200", await client.CommandAsync("PBSZ 1048576"));
            Assert.StartsWith("200", await client.CommandAsync($"PROT {level}"));
            Assert.StartsWith("232", await client.CommandAsync("USER alice"));
            Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var ceiling = client.WrapRate(1 << 20, 256 << 20, privacy);
            var wrapCpuPerMiB = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 256;

            var watch = Stopwatch.StartNew();
            Assert.Equal(FileSize, await client.ReceiveCountAsync("RETR big.bin"));
            var unwrapped = FileSize / MiB / watch.Elapsed.TotalSeconds;

            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            Assert.Equal(FileSize, await client.ReceiveFramedCountAsync("RETR big.bin", privacy));
            var framed = FileSize / MiB / watch.Elapsed.TotalSeconds;
            var retrCpuPerMiB = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (FileSize / MiB);
            var allocatedPerMiB = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (FileSize / MiB);
            allocated = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            Assert.StartsWith("226", await client.SendAsync("STOR up.bin", upload, privacy));
            var stored = UploadSize / MiB / watch.Elapsed.TotalSeconds;
            var storAllocatedPerMiB = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (UploadSize / MiB);
            output.WriteLine($"PROT {level}: STOR (the client wraps) {stored:F0} MiB/s ({stored / ceiling:F2}); managed allocations {storAllocatedPerMiB:F0} B per MiB");
            output.WriteLine($"PROT {level}: wrap ceiling (1 MiB blocks) {ceiling:F0} MiB/s; RETR unwrapped {unwrapped:F0} MiB/s ({unwrapped / ceiling:F2}), "
                + $"framed {framed:F0} MiB/s ({framed / ceiling:F2}); CPU per MiB wrap {wrapCpuPerMiB:F2} ms, framed RETR {retrCpuPerMiB:F2} ms ({wrapCpuPerMiB / retrCpuPerMiB:F2}); managed allocations {allocatedPerMiB:F0} B per MiB");
        }
    }
}
