using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// A bare control connection for tests that must send what no well-behaved client would: raw bytes, hostile lines,
/// data connections from the wrong address. Reads whole replies (multi-line aware), skipping Telnet refusals.
/// </summary>
public sealed partial class RawFtpClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[65536];
    private int _start;
    private int _end;

    private RawFtpClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>The client's own port: how the management API's session list tells this session from others.</summary>
    public int LocalPort => ((IPEndPoint)_tcp.Client.LocalEndPoint!).Port;

    public static Task<RawFtpClient> ConnectAsync(int port, string? user = null, string? password = null) =>
        ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), null, user, password);

    /// <summary>Connects to <paramref name="server"/>, from <paramref name="from"/> when given (127.0.0.2 is another client).</summary>
    public static async Task<RawFtpClient> ConnectAsync(IPEndPoint server, IPAddress? from, string? user = null, string? password = null)
    {
        var tcp = from is null ? new TcpClient(server.AddressFamily) : new TcpClient(new IPEndPoint(from, 0));
        await tcp.ConnectAsync(server);
        var client = new RawFtpClient(tcp);
        Assert.StartsWith("220", await client.ReadReplyAsync());
        if (user is not null)
        {
            Assert.StartsWith("331", await client.CommandAsync($"USER {user}"));
            Assert.StartsWith("230", await client.CommandAsync($"PASS {password}"));
        }
        return client;
    }

    /// <summary>What a refused connection hears before the server closes it (a <c>421</c> line).</summary>
    public static Task<string> RefusalAsync(int port, IPAddress? from = null) => RefusalAsync(new IPEndPoint(IPAddress.Loopback, port), from);

    /// <summary>What a refused connection to <paramref name="server"/> hears before the server closes it.</summary>
    public static async Task<string> RefusalAsync(IPEndPoint server, IPAddress? from)
    {
        using var tcp = from is null ? new TcpClient() : new TcpClient(new IPEndPoint(from, 0));
        await tcp.ConnectAsync(server);
        return await new StreamReader(tcp.GetStream()).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
        return await ReadReplyAsync() ?? "(connection closed)";
    }

    public Task SendAsync(byte[] bytes) => _stream.WriteAsync(bytes).AsTask();

    /// <summary>The next complete reply, all its lines joined with LF; null when the server closed the connection.</summary>
    public async Task<string?> ReadReplyAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cts.Token);
            if (line is null)
            {
                return lines.Count == 0 ? null : string.Join('\n', lines);
            }
            lines.Add(line);
            if (FinalLine().IsMatch(line) && (lines.Count == 1 || lines[0][..3] == line[..3]) && (lines.Count > 1 || line[3] == ' '))
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>The port of a <c>229 (|||port|)</c> reply.</summary>
    public static int EpsvPort(string reply) => int.Parse(EpsvPattern().Match(reply).Groups[1].Value);

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await _stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
                }
            }
            var b = _buffer[_start++];
            if (b == 255)
            {
                _start = Math.Min(_end, _start + 2); // IAC DONT/WONT x: a refusal, not text
                continue;
            }
            if (b == '\n')
            {
                return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            }
            line.Add(b);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    [GeneratedRegex(@"^\d{3} ")]
    private static partial Regex FinalLine();

    [GeneratedRegex(@"\(\|\|\|(\d+)\|\)")]
    private static partial Regex EpsvPattern();
}
