using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CommuniGateFtp.Bench.Ftp;

/// <summary>
/// A small async FTP client: one control connection, passive data connections (EPSV, else PASV), and with
/// <see cref="FtpServer.Tls"/> explicit TLS (RFC 4217: AUTH TLS, PBSZ 0, PROT P) on control and data. It does only
/// what the scenarios need, with large buffers, so the server and not the tool sets the pace.
/// </summary>
public sealed partial class FtpClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly ReplyReader _reader;
    private Stream _stream;
    private bool _epsvRefused;

    private FtpClient(FtpServer server, Socket socket)
    {
        Server = server;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new ReplyReader(_stream);
    }

    public FtpServer Server { get; }

    /// <summary>Connects and reads the greeting (220), without logging in.</summary>
    public static async Task<FtpClient> ConnectAsync(FtpServer server, CancellationToken cancellationToken)
    {
        var socket = new Socket(server.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server.EndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var client = new FtpClient(server, socket);
        var greeting = await client._reader.ReadAsync(cancellationToken);
        if (greeting.Code != 220)
        {
            await client.DisposeAsync();
            throw FtpException.Unexpected("(greeting)", greeting);
        }
        return client;
    }

    /// <summary>Connects, logs in (over TLS when the server asks for it) and sets TYPE I.</summary>
    public static async Task<FtpClient> LoginAsync(FtpServer server, CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(server, cancellationToken);
        try
        {
            await client.LoginAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task LoginAsync(CancellationToken cancellationToken)
    {
        if (Server.Tls)
        {
            await ExpectAsync("AUTH TLS", 234, cancellationToken);
            var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(TlsOptions(), cancellationToken);
            _stream = tls;
            _reader.Stream = tls;
        }
        await ExpectAsync($"USER {Server.User}", 331, cancellationToken);
        await ExpectAsync($"PASS {Server.Password}", 230, cancellationToken);
        if (Server.Tls)
        {
            await ExpectAsync("PBSZ 0", 200, cancellationToken);
            await ExpectAsync("PROT P", 200, cancellationToken);
        }
        await ExpectAsync("TYPE I", 200, cancellationToken);
    }

    public async Task<FtpReply> CommandAsync(string line, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken);
        return await _reader.ReadAsync(cancellationToken);
    }

    /// <summary>Sends <paramref name="line"/> and demands the reply code <paramref name="code"/>.</summary>
    public async Task<FtpReply> ExpectAsync(string line, int code, CancellationToken cancellationToken)
    {
        var reply = await CommandAsync(line, cancellationToken);
        return reply.Code == code ? reply : throw FtpException.Unexpected(line, reply);
    }

    /// <summary>
    /// Runs one transfer command over a new passive data connection: <paramref name="body"/> reads or writes the data
    /// stream (TLS when PROT P), the tool closes it, and the final reply must be 2xx. Null when the server refused
    /// the command with a permanent 5xx before any data (a verb it does not have).
    /// </summary>
    public async Task<FtpReply?> TransferAsync(string command, Func<Stream, Task> body, CancellationToken cancellationToken)
    {
        var address = await PassiveEndPointAsync(cancellationToken);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(address, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        await using var data = new DataConnection(socket);
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken);
        // The client's ClientHello may go out before the 150: the server reads it once it opens its side.
        var handshake = Server.Tls ? data.StartTlsAsync(TlsOptions(), cancellationToken) : Task.CompletedTask;
        var preliminary = await _reader.ReadAsync(cancellationToken);
        if (!preliminary.IsPositivePreliminary)
        {
            await data.DisposeAsync();
            await Task.WhenAny(handshake);
            return preliminary.Code >= 500 ? null : throw FtpException.Unexpected(command, preliminary);
        }
        await handshake;
        await body(data.Stream);
        await data.CloseAsync(cancellationToken);
        var final = await _reader.ReadAsync(cancellationToken);
        return final.IsPositiveCompletion ? final : throw FtpException.Unexpected(command, final);
    }

    private async Task<IPEndPoint> PassiveEndPointAsync(CancellationToken cancellationToken)
    {
        var peer = ((IPEndPoint)_socket.RemoteEndPoint!).Address;
        if (!_epsvRefused)
        {
            var epsv = await CommandAsync("EPSV", cancellationToken);
            if (epsv.Code == 229)
            {
                return new IPEndPoint(peer, int.Parse(EpsvPort().Match(epsv.Text).Groups[1].Value));
            }
            _epsvRefused = true;
        }
        // The address in 227 is ignored on purpose, as curl does: the data goes where the control connection goes.
        var pasv = await ExpectAsync("PASV", 227, cancellationToken);
        var parts = PasvNumbers().Match(pasv.Text).Groups[1].Value.Split(',');
        return new IPEndPoint(peer, int.Parse(parts[4]) * 256 + int.Parse(parts[5]));
    }

    private static SslClientAuthenticationOptions TlsOptions() => new()
    {
        TargetHost = "localhost",
        // Loopback benchmark against self-signed certificates: the handshake cost is what is measured, not trust.
        RemoteCertificateValidationCallback = (_, _, _, _) => true,
    };

    /// <summary>Says QUIT (best effort) and closes.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CommandAsync("QUIT", cancellationToken);
        }
        catch (Exception e) when (e is IOException or FtpException or SocketException)
        {
            // A server may close before or while answering QUIT; the session is over either way.
        }
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();

    [GeneratedRegex(@"\(\|\|\|(\d+)\|\)")]
    private static partial Regex EpsvPort();

    [GeneratedRegex(@"(\d+,\d+,\d+,\d+,\d+,\d+)")]
    private static partial Regex PasvNumbers();
}
