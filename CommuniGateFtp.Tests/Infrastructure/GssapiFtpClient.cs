using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// An RFC 2228 client on <see cref="NegotiateAuthentication"/> (client mode, Kerberos), the wire format curl uses: AUTH
/// GSSAPI and ADAT, then commands as MIC or ENC lines, 631/632 replies unwrapped line by line, and data connections as
/// protection buffers (4-byte length + wrap token, ended by a token of nothing).
/// </summary>
public sealed class GssapiFtpClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly StreamReader _reader;
    private readonly NetworkStream _stream;
    private NegotiateAuthentication? _context;

    private GssapiFtpClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII);
    }

    /// <summary>ENC (privacy) for commands when true, MIC (integrity) when false.</summary>
    public bool Encrypt { get; set; } = true;

    public static async Task<GssapiFtpClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var client = new GssapiFtpClient(tcp);
        Assert.StartsWith("220", await client.ReadReplyAsync());
        return client;
    }

    /// <summary>AUTH GSSAPI and the ADAT exchange for <paramref name="service"/>; returns the last reply (235 on success).</summary>
    public async Task<string> AuthenticateAsync(string service = "ftp/localhost")
    {
        Assert.StartsWith("334", await ClearAsync("AUTH GSSAPI"));
        _context?.Dispose();
        _context = new NegotiateAuthentication(new NegotiateAuthenticationClientOptions
        {
            Package = "Kerberos",
            TargetName = service,
            RequireMutualAuthentication = true,
            RequiredProtectionLevel = System.Net.Security.ProtectionLevel.EncryptAndSign,
        });
        var token = _context.GetOutgoingBlob(ReadOnlySpan<byte>.Empty, out var status);
        Assert.True(status == NegotiateAuthenticationStatusCode.ContinueNeeded, $"client: {status} (is KRB5CCNAME set?)");
        var reply = await ClearAsync("ADAT " + Convert.ToBase64String(token!));
        if (reply.StartsWith("235 ADAT=", StringComparison.Ordinal))
        {
            _context.GetOutgoingBlob(Convert.FromBase64String(reply[9..]), out status);
            Assert.Equal(NegotiateAuthenticationStatusCode.Completed, status); // mutual authentication: the server proved its key
        }
        return reply;
    }

    /// <summary>Sends a line in the clear and reads the clear reply.</summary>
    public async Task<string> ClearAsync(string line)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
        return await ReadReplyAsync();
    }

    /// <summary>Sends a command as MIC or ENC; returns the reply unwrapped (lines joined by \n), or a clear reply as it came.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await SendProtectedAsync(line);
        return await ReadReplyAsync();
    }

    public async Task SendProtectedAsync(string line, bool tamper = false)
    {
        var wrapped = new ArrayBufferWriter<byte>();
        Assert.Equal(NegotiateAuthenticationStatusCode.Completed, _context!.Wrap(Encoding.UTF8.GetBytes(line + "\r\n"), wrapped, Encrypt, out _));
        var token = wrapped.WrittenSpan.ToArray();
        if (tamper)
        {
            token[^1] ^= 0x55; // inside the checksum
        }
        await _stream.WriteAsync(Encoding.ASCII.GetBytes($"{(Encrypt ? "ENC" : "MIC")} {Convert.ToBase64String(token)}\r\n"));
    }

    /// <summary>One whole reply: protected 63x lines unwrapped, clear lines as they are; "(connection closed)" at the end.</summary>
    public async Task<string> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var raw = await _reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? "(connection closed)";
            var line = raw.Length > 4 && raw[0] == '6' && raw[1] == '3' ? Unwrap(raw[4..]) : raw;
            lines.Add(line);
            if ((line.Length >= 4 && char.IsAsciiDigit(line[0]) && line[3] == ' ') || raw == "(connection closed)")
            {
                return string.Join("\n", lines);
            }
        }
    }

    private string Unwrap(string base64)
    {
        var plain = new ArrayBufferWriter<byte>();
        var status = _context!.Unwrap(Convert.FromBase64String(base64), plain, out _);
        Assert.Equal(NegotiateAuthenticationStatusCode.Completed, status);
        return Encoding.UTF8.GetString(plain.WrittenSpan);
    }

    /// <summary>EPSV, then the data connection (not yet protected: the transfer command comes next).</summary>
    public async Task<TcpClient> PassiveAsync()
    {
        var reply = await CommandAsync("EPSV");
        Assert.StartsWith("229", reply);
        var port = int.Parse(reply.Split('|')[3]);
        var data = new TcpClient();
        await data.ConnectAsync(IPAddress.Loopback, port);
        return data;
    }

    /// <summary>A download under PROT S or P: the command, 150, the blocks until the empty one, 226.</summary>
    public async Task<byte[]> ReceiveAsync(string command)
    {
        using var data = await PassiveAsync();
        Assert.StartsWith("150", await CommandAsync(command));
        var stream = data.GetStream();
        using var received = new MemoryStream();
        var header = new byte[4];
        while (true)
        {
            await stream.ReadExactlyAsync(header);
            var token = new byte[BinaryPrimitives.ReadInt32BigEndian(header)];
            await stream.ReadExactlyAsync(token);
            var plain = new ArrayBufferWriter<byte>();
            Assert.Equal(NegotiateAuthenticationStatusCode.Completed, _context!.Unwrap(token, plain, out _));
            if (plain.WrittenCount == 0)
            {
                break;
            }
            received.Write(plain.WrittenSpan);
        }
        Assert.Equal(0, await stream.ReadAsync(header)); // then the server closes
        Assert.StartsWith("226", await ReadReplyAsync());
        return received.ToArray();
    }

    /// <summary>A download that only counts its bytes, unwrapping in place into one reused buffer (for measurements).</summary>
    public async Task<long> ReceiveCountAsync(string command)
    {
        using var data = await PassiveAsync();
        Assert.StartsWith("150", await CommandAsync(command));
        var stream = data.GetStream();
        var header = new byte[4];
        var token = new byte[2 << 20];
        long total = 0;
        while (true)
        {
            await stream.ReadExactlyAsync(header);
            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            await stream.ReadExactlyAsync(token.AsMemory(0, length));
            Assert.Equal(NegotiateAuthenticationStatusCode.Completed, _context!.UnwrapInPlace(token.AsSpan(0, length), out _, out var plain, out _));
            if (plain == 0)
            {
                break;
            }
            total += plain;
        }
        Assert.StartsWith("226", await ReadReplyAsync());
        return total;
    }

    /// <summary>
    /// A download that frames the blocks without unwrapping them (for measurements): what the server sends when its
    /// client costs nothing, as with a client on another machine. The plaintext is counted as each token's length less
    /// the wrap overhead; the end is the block as long as a wrapped empty one.
    /// </summary>
    public async Task<long> ReceiveFramedCountAsync(string command, bool privacy)
    {
        var overhead = WrapOverhead(privacy);
        using var data = await PassiveAsync();
        Assert.StartsWith("150", await CommandAsync(command));
        var stream = data.GetStream();
        var header = new byte[4];
        var token = new byte[2 << 20];
        long total = 0;
        while (true)
        {
            await stream.ReadExactlyAsync(header);
            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            await stream.ReadExactlyAsync(token.AsMemory(0, length));
            if (length == overhead)
            {
                break;
            }
            total += length - overhead;
        }
        Assert.StartsWith("226", await ReadReplyAsync());
        return total;
    }

    // The bytes a wrap adds (RFC 4121: fixed per enctype and level): the length of a wrapped empty buffer. It spends one
    // of this client's own sequence numbers, as WrapRate does, which the server's next unwrap takes as a gap.
    private int WrapOverhead(bool privacy)
    {
        var output = new ArrayBufferWriter<byte>();
        _context!.Wrap(ReadOnlySpan<byte>.Empty, output, privacy, out _);
        return output.WrittenCount;
    }

    /// <summary>How fast this machine's GSSAPI wraps: MiB/s over <paramref name="total"/> bytes in blocks of <paramref name="block"/>.</summary>
    public double WrapRate(int block, long total, bool privacy)
    {
        var plain = new byte[block];
        var output = new ArrayBufferWriter<byte>(block + 1024);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (long done = 0; done < total; done += block)
        {
            output.ResetWrittenCount();
            _context!.Wrap(plain, output, privacy, out _);
        }
        return total / (1024.0 * 1024.0) / watch.Elapsed.TotalSeconds;
    }

    /// <summary>An upload under PROT S or P in blocks of <paramref name="block"/> plaintext bytes, ended by the empty block.</summary>
    public async Task<string> SendAsync(string command, ReadOnlyMemory<byte> content, bool privacy, int block = 1 << 20)
    {
        using (var data = await PassiveAsync())
        {
            Assert.StartsWith("150", await CommandAsync(command));
            var stream = data.GetStream();
            var wrapped = new ArrayBufferWriter<byte>();
            for (var offset = 0; ; offset += block)
            {
                var chunk = content.Slice(Math.Min(offset, content.Length), Math.Clamp(content.Length - offset, 0, block));
                wrapped.ResetWrittenCount();
                Assert.Equal(NegotiateAuthenticationStatusCode.Completed, _context!.Wrap(chunk.Span, wrapped, privacy, out _));
                var header = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(header, wrapped.WrittenCount);
                await stream.WriteAsync(header);
                await stream.WriteAsync(wrapped.WrittenMemory);
                if (chunk.IsEmpty)
                {
                    break;
                }
            }
            data.Client.Shutdown(SocketShutdown.Send);
            await stream.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false); // the server closes after the end-of-data block
        }
        return await ReadReplyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _context?.Dispose();
        _tcp.Dispose();
        await Task.CompletedTask;
    }
}
