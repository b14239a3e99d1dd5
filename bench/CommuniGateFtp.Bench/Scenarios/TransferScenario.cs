using System.Diagnostics;
using CommuniGateFtp.Bench.Ftp;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// One big file down (<c>retr --file big.bin</c>) or up (<c>stor --size-mib 1024</c>), clear or <c>--tls</c>; MB/s
/// (10^6 bytes) from the transfer command to its 226, data connection set-up included. Checked: the byte count
/// equals the server's SIZE.
/// </summary>
public static class TransferScenario
{
    public static async Task<bool> RetrAsync(BenchArgs args, ScenarioContext context)
    {
        var server = args.Server();
        var file = args.String("file", "big.bin");
        var runs = args.Int("runs", 1);
        args.RejectUnused();
        await using var client = await FtpClient.LoginAsync(server, context.Cancellation);
        var expected = await client.SizeAsync(file, context.Cancellation);
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var (bytes, _) = await client.RetrAsync(file, hash: false, context.Cancellation);
            var seconds = watch.Elapsed.TotalSeconds;
            if (bytes != expected)
            {
                context.Log($"RETR {file}: {bytes} bytes received, SIZE said {expected}");
                return false;
            }
            context.Emit(server.Tls ? "retr-tls" : "retr", bytes / 1e6 / seconds, "MB/s", new() { ["bytes"] = bytes, ["seconds"] = seconds });
        }
        await client.QuitAsync(context.Cancellation);
        return true;
    }

    public static async Task<bool> StorAsync(BenchArgs args, ScenarioContext context)
    {
        var server = args.Server();
        var length = args.Long("size-mib", 1024) << 20;
        var runs = args.Int("runs", 1);
        var warmups = args.Int("warmup-runs", 0);
        var chunk = args.Int("chunk-kib", 1024) << 10;
        args.RejectUnused();
        // Random bytes so that nothing on the way (TLS, disk) profits from compressible data.
        // --chunk-kib sets the size of each write to the data connection (curl writes 64 KiB).
        var pattern = new byte[chunk];
        new Random(16).NextBytes(pattern);
        await using var client = await FtpClient.LoginAsync(server, context.Cancellation);
        // --warmup-runs: uploads made and checked but not reported. On this VM class the first gigabyte written into the
        // page cache after a pause of 2 s or more runs 4-8x slower than the next, for any writer (docs/benchmarks.md):
        // an upload right before the measured one gives every server the same warm start.
        for (var run = -warmups; run < runs; run++)
        {
            var name = $"stor-{Guid.NewGuid():N}.bin";
            var start = Stopwatch.GetTimestamp();
            var watch = Stopwatch.StartNew();
            var lastWrite = await client.UploadRepeatedAsync($"STOR {name}", pattern, length, context.Cancellation);
            var seconds = watch.Elapsed.TotalSeconds;
            var dataSeconds = Stopwatch.GetElapsedTime(start, lastWrite).TotalSeconds;
            var stored = await client.SizeAsync(name, context.Cancellation);
            await client.ExpectAsync($"DELE {name}", 250, context.Cancellation);
            if (stored != length)
            {
                context.Log($"STOR {name}: {length} bytes sent, SIZE says {stored}");
                return false;
            }
            if (run < 0)
            {
                continue;
            }
            // dataSeconds: until the last byte was handed to the socket; the rest is the server finishing before its 226.
            context.Emit(server.Tls ? "stor-tls" : "stor", length / 1e6 / seconds, "MB/s", new() { ["bytes"] = length, ["seconds"] = seconds, ["dataSeconds"] = dataSeconds });
        }
        await client.QuitAsync(context.Cancellation);
        return true;
    }
}
