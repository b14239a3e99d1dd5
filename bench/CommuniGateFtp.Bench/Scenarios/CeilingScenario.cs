using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Win32.SafeHandles;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// The machine's own ceilings over loopback in .NET, one stream: <c>--what tcp</c> (1 MiB writes from memory),
/// <c>sendfile --file F</c> (Socket.SendFileAsync of a cached file), <c>readsend --file F</c> (RandomAccess.Read into
/// a 1 MiB buffer + SendAsync), <c>tls</c> (SslStream to SslStream, 1 MiB writes). No FTP server can beat these.
/// </summary>
public static class CeilingScenario
{
    private const int Chunk = 1 << 20;

    public static async Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var what = args.String("what", "tcp");
        var file = args.String("file", "");
        var bytes = args.Long("size-mib", 1024) << 20;
        args.RejectUnused();
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await sender.ConnectAsync(listener.LocalEndPoint!, context.Cancellation);
        using var receiver = await listener.AcceptAsync(context.Cancellation);
        if (what is "sendfile" or "readsend")
        {
            bytes = new FileInfo(file).Length;
            // Read once first: the ceiling is of a cached file, as the servers' RETR of the same file is.
            await using var warm = File.OpenRead(file);
            await warm.CopyToAsync(Stream.Null, context.Cancellation);
        }
        var watch = Stopwatch.StartNew();
        var received = what == "tls" ? await TlsAsync(sender, receiver, bytes, watch, context.Cancellation) : await PlainAsync(what, file, sender, receiver, bytes, context.Cancellation);
        var seconds = watch.Elapsed.TotalSeconds;
        if (received != bytes)
        {
            context.Log($"ceiling {what}: received {received} of {bytes} bytes");
            return false;
        }
        context.Emit($"ceiling-{what}", bytes / 1e6 / seconds, "MB/s", new() { ["bytes"] = bytes, ["seconds"] = seconds });
        return true;
    }

    private static async Task<long> PlainAsync(string what, string file, Socket sender, Socket receiver, long bytes, CancellationToken ct)
    {
        var receiving = DrainAsync(new NetworkStream(receiver), ct);
        switch (what)
        {
            case "tcp":
                var block = new byte[Chunk];
                for (long sent = 0; sent < bytes; sent += Chunk)
                {
                    await sender.SendAsync(block.AsMemory(0, (int)Math.Min(Chunk, bytes - sent)), ct);
                }
                break;
            case "sendfile":
                await sender.SendFileAsync(file, ct);
                break;
            case "readsend":
                using (SafeFileHandle handle = File.OpenHandle(file))
                {
                    var buffer = new byte[Chunk];
                    int read;
                    for (long offset = 0; (read = await RandomAccess.ReadAsync(handle, buffer, offset, ct)) > 0; offset += read)
                    {
                        await sender.SendAsync(buffer.AsMemory(0, read), ct);
                    }
                }
                break;
            default:
                throw new ArgumentException($"--what {what}: tcp, sendfile, readsend or tls");
        }
        sender.Shutdown(SocketShutdown.Send);
        return await receiving;
    }

    private static async Task<long> TlsAsync(Socket sender, Socket receiver, long bytes, Stopwatch watch, CancellationToken ct)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var server = new SslStream(new NetworkStream(receiver));
        await using var client = new SslStream(new NetworkStream(sender));
        await Task.WhenAll(
            server.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, ct),
            client.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", RemoteCertificateValidationCallback = (_, _, _, _) => true }, ct));
        // The bulk rate is the ceiling; key generation and the handshake are not part of it.
        watch.Restart();
        var receiving = DrainAsync(server, ct);
        var block = new byte[Chunk];
        for (long sent = 0; sent < bytes; sent += Chunk)
        {
            await client.WriteAsync(block.AsMemory(0, (int)Math.Min(Chunk, bytes - sent)), ct);
        }
        await client.ShutdownAsync();
        sender.Shutdown(SocketShutdown.Send);
        return await receiving;
    }

    private static async Task<long> DrainAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[Chunk];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
        }
        return total;
    }
}
