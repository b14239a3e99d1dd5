using System.Diagnostics;
using System.Security.Cryptography;
using CommuniGateFtp.Bench.Ftp;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// <c>small-files --files 2000 --size 4096 --sessions 1</c>: every session stores its share of the files in a fresh
/// directory of its own, then reads each back and compares its SHA-256 with what went up. Results: files/s for the
/// whole (each file stored and read back: files ÷ seconds) and for the STOR phase alone. The files are deleted after.
/// </summary>
public static class SmallFilesScenario
{
    public static async Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var server = args.Server();
        var files = args.Int("files", 2000);
        var size = args.Int("size", 4096);
        var sessions = args.Int("sessions", 1);
        args.RejectUnused();
        var run = Guid.NewGuid().ToString("N")[..8];
        var contents = Enumerable.Range(0, files).Select(i => Content(i, size)).ToArray();
        var clients = new FtpClient[sessions];
        await Concurrently.ForAsync(sessions, sessions, context.Cancellation, async (s, ct) =>
        {
            clients[s] = await FtpClient.LoginAsync(server, ct);
            await clients[s].ExpectAsync($"MKD small-{run}-{s}", 257, ct);
            await clients[s].ExpectAsync($"CWD small-{run}-{s}", 250, ct);
        });
        var mismatches = 0;
        var watch = Stopwatch.StartNew();
        await EachSessionAsync(clients, files, context, (client, i, ct) => client.UploadAsync($"STOR f{i}.bin", contents[i], ct));
        var storSeconds = watch.Elapsed.TotalSeconds;
        await EachSessionAsync(clients, files, context, async (client, i, ct) =>
        {
            var (_, hash) = await client.RetrAsync($"f{i}.bin", hash: true, ct);
            if (!hash!.AsSpan().SequenceEqual(SHA256.HashData(contents[i])))
            {
                Interlocked.Increment(ref mismatches);
            }
        });
        var totalSeconds = watch.Elapsed.TotalSeconds;
        await EachSessionAsync(clients, files, context, (client, i, ct) => client.ExpectAsync($"DELE f{i}.bin", 250, ct));
        await Concurrently.ForAsync(sessions, sessions, context.Cancellation, async (s, ct) =>
        {
            await clients[s].ExpectAsync("CWD ..", 250, ct);
            await clients[s].ExpectAsync($"RMD small-{run}-{s}", 250, ct);
            await clients[s].QuitAsync(ct);
        });
        if (mismatches > 0)
        {
            context.Log($"{mismatches} of {files} files came back different from what went up");
            return false;
        }
        var details = new Dictionary<string, object> { ["files"] = files, ["size"] = size, ["sessions"] = sessions, ["storSeconds"] = storSeconds, ["totalSeconds"] = totalSeconds };
        context.Emit($"small-files-x{sessions}", files / totalSeconds, "files/s", details);
        context.Emit($"small-stor-x{sessions}", files / storSeconds, "files/s", details);
        return true;
    }

    /// <summary>Runs <paramref name="action"/> for every file, session s taking files s, s+K, s+2K, ... in order.</summary>
    private static Task EachSessionAsync(FtpClient[] clients, int files, ScenarioContext context, Func<FtpClient, int, CancellationToken, Task> action) =>
        Concurrently.ForAsync(clients.Length, clients.Length, context.Cancellation, async (s, ct) =>
        {
            for (var i = s; i < files; i += clients.Length)
            {
                await action(clients[s], i, ct);
            }
        });

    private static byte[] Content(int index, int size)
    {
        var bytes = new byte[size];
        new Random(index).NextBytes(bytes);
        return bytes;
    }
}
