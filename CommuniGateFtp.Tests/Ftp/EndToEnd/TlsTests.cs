using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>FTPS with real clients: curl (explicit and implicit), lftp (GnuTLS) and ftplib, passive and active.</summary>
public sealed class TlsTests(TlsServiceFactory service) : IClassFixture<TlsServiceFactory>, IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("cgftp-tls-work-").FullName;

    public async ValueTask InitializeAsync() => await service.CreateFtpAccountAsync("secure", "secure-pass-1");

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<ProcessOutput> Curl(params string[] args) =>
        ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "-k", "--user", "secure:secure-pass-1", "--max-time", "60", .. args], timeout: TimeSpan.FromMinutes(2));

    private string Url(string path) => $"ftp://127.0.0.1:{service.FtpPort}/{path}";

    [Fact]
    public async Task Curl_with_ssl_reqd_uploads_lists_downloads_and_resumes()
    {
        var original = TestFiles.Write(Path.Combine(_work, "tls.bin"), 2_500_001);
        var up = await Curl("--ssl-reqd", "-v", "-T", original, Url("tls.bin"));
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Matches("> AUTH (TLS|SSL)", up.Stderr);
        Assert.Contains("> PROT P", up.Stderr);
        Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(Path.Combine(service.AccountRoot("secure"), "tls.bin")));

        var list = await Curl("--ssl-reqd", Url(""));
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("tls.bin", list.Stdout);

        // Active mode over TLS is covered by ftplib: curl 7.88 fails its own PORT set-up under TLS (inet_ntop errno 97).
        var local = Path.Combine(_work, "resumed.bin");
        await File.WriteAllBytesAsync(local, File.ReadAllBytes(original)[..1_000_000]); // a partial download to resume
        var down = await Curl("--ssl-reqd", "-v", "-C", "-", "-o", local, Url("tls.bin"));
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Contains("> REST 1000000", down.Stderr);
        Assert.Contains("SSL re-using session ID", down.Stderr); // the data connection resumed the control session
        Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(local));
    }

    [Fact]
    public async Task Curl_downloads_over_the_implicit_tls_port()
    {
        TestFiles.Write(Path.Combine(service.AccountRoot("secure"), "implicit.bin"), 300_000);
        var local = Path.Combine(_work, "implicit.bin");
        var down = await Curl("-o", local, $"ftps://127.0.0.1:{service.ImplicitPort}/implicit.bin");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Equal(TestFiles.Hash(Path.Combine(service.AccountRoot("secure"), "implicit.bin")), TestFiles.Hash(local));
    }

    [Fact]
    public async Task A_secure_socket_added_live_serves_implicit_tls_and_turns_clear_in_place()
    {
        using var admin = await service.CreateAdminClientAsync();
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp");
        var startup = before.GetProperty("listener").EnumerateArray().Select(row => row.GetProperty("secure").GetBoolean()).ToArray();
        Assert.Equal([false, true], startup); // Ftp:Port, then Ftp:Tls:ImplicitPort
        var port = TestPostgres.FreePort();
        object[] Table(bool secure) => [.. before.GetProperty("listener").EnumerateArray().Cast<object>(), new { port, address = "127.0.0.1", secure }];
        try
        {
            (await admin.PutAsJsonAsync("/api/settings/ftp/listener", Table(secure: true))).EnsureSuccessStatusCode();
            var original = TestFiles.Write(Path.Combine(service.AccountRoot("secure"), "listener.bin"), 200_000);
            var local = Path.Combine(_work, "listener.bin");
            var down = await Curl("-o", local, $"ftps://127.0.0.1:{port}/listener.bin");
            Assert.True(down.ExitCode == 0, down.ToString());
            Assert.Equal(TestFiles.Hash(original), TestFiles.Hash(local));

            (await admin.PutAsJsonAsync("/api/settings/ftp/listener", Table(secure: false))).EnsureSuccessStatusCode();
            var clear = await Curl("-v", $"ftp://127.0.0.1:{port}/");
            Assert.True(clear.ExitCode == 0, clear.ToString());
            Assert.Contains("< 220 ", clear.Stderr); // a greeting in the clear: no handshake first
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/settings/ftp", before)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Lftp_mirrors_a_tree_over_tls_with_protected_data()
    {
        var source = Path.Combine(_work, "source");
        TestFiles.Write(Path.Combine(source, "a.bin"), 700_000);
        TestFiles.Write(Path.Combine(source, "sub dir", "Grüße.txt"), 1234);
        var back = Path.Combine(_work, "back");
        var script = string.Join("; ",
            "set ftp:ssl-force true", "set ftp:ssl-protect-data true", "set ssl:verify-certificate no", "set net:max-retries 1", "set net:timeout 20",
            $"open -u secure,secure-pass-1 -p {service.FtpPort} 127.0.0.1",
            $"mirror -R '{source}' /lftp-tree", $"mirror /lftp-tree '{back}'",
            "set ftp:passive-mode false", $"mirror /lftp-tree '{back}-active'", "bye");
        var run = await ProcessRunner.RunAsync(RequiredTool.Find("lftp"), ["-d", "-c", script], timeout: TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("PROT P", run.Stderr);
        Assert.Equal(TestFiles.Tree(source), TestFiles.Tree(back));
        Assert.True(run.Stderr.Contains("EPRT |1|127.0.0.1|") || run.Stderr.Contains("PORT 127,0,0,1,"), run.Stderr[^Math.Min(4000, run.Stderr.Length)..]); // active mode
        Assert.Equal(TestFiles.Tree(source), TestFiles.Tree(back + "-active"));
    }

    [Fact]
    public async Task Tls_client_hello_sent_together_with_auth_is_not_misread_as_commands()
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, service.FtpPort);
        var pipelined = new PipelinedAuthStream(tcp.GetStream());
        Assert.StartsWith("220", await pipelined.ReadPlainLineAsync());
        await using var ssl = new System.Net.Security.SslStream(pipelined, false, (_, _, _, _) => true);
        // The first write carries "AUTH TLS\r\n" and the ClientHello in one segment: the race FubarDev's server lost.
        await ssl.AuthenticateAsClientAsync("localhost");
        Assert.StartsWith("234", pipelined.AuthReply);
        await ssl.WriteAsync("NOOP\r\n"u8.ToArray());
        var reply = new byte[100];
        var n = await ssl.ReadAsync(reply);
        Assert.StartsWith("200", Encoding.ASCII.GetString(reply, 0, n));
    }

    [Fact]
    public async Task Ftplib_ftp_tls_prot_p_prot_c_active_mode_and_auth_ssl_implying_prot_p()
    {
        var run = await ProcessRunner.RunAsync(RequiredTool.Find("python3"),
            [Script("ftplib_tls.py"), service.FtpPort.ToString(), "secure", "secure-pass-1"], timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("OK", run.Stdout.Trim());
    }

    [Fact]
    public async Task Garbage_or_silence_instead_of_a_handshake_ends_that_session_only()
    {
        await using (var garbage = await RawFtpClient.ConnectAsync(service.FtpPort))
        {
            Assert.StartsWith("234", await garbage.CommandAsync("AUTH TLS"));
            await garbage.SendAsync(Encoding.ASCII.GetBytes("USER not-a-client-hello\r\n"));
            Assert.Null(await garbage.ReadReplyAsync(TimeSpan.FromSeconds(10)));
        }
        await using (var silent = await RawFtpClient.ConnectAsync(service.FtpPort))
        {
            Assert.StartsWith("234", await silent.CommandAsync("AUTH TLS"));
            Assert.Null(await silent.ReadReplyAsync(TimeSpan.FromSeconds(15))); // closed after the handshake limit
        }
        await using var fine = await RawFtpClient.ConnectAsync(service.FtpPort, "secure", "secure-pass-1");
        Assert.StartsWith("200", await fine.CommandAsync("NOOP"));
        Assert.Contains(" AUTH TLS", await fine.CommandAsync("FEAT"));
        Assert.StartsWith("503", await fine.CommandAsync("AUTH TLS"));
        Assert.StartsWith("503", await fine.CommandAsync("PBSZ 0"));
    }

    private static string Script(string name, [CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Scripts", name);

    /// <summary>Sends AUTH TLS in the same write as the ClientHello, and takes the plain 234 line off before TLS reads.</summary>
    private sealed class PipelinedAuthStream(System.Net.Sockets.NetworkStream inner) : Stream
    {
        private bool _authSent;
        private bool _replyRead;

        public string AuthReply { get; private set; } = "";

        public async Task<string> ReadPlainLineAsync()
        {
            var line = new List<byte>();
            var one = new byte[1];
            while (await inner.ReadAsync(one) == 1 && one[0] != (byte)'\n')
            {
                line.Add(one[0]);
            }
            return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_authSent)
            {
                _authSent = true;
                await inner.WriteAsync((byte[])[.. "AUTH TLS\r\n"u8, .. buffer.Span], cancellationToken);
                return;
            }
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_replyRead)
            {
                _replyRead = true;
                AuthReply = await ReadPlainLineAsync();
            }
            return await inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Tls_policies_are_live_settings()
    {
        await service.ApplySettingsAsync(s => s with { RequireTlsForLogin = true, AllowCcc = false });
        try
        {
            await using (var clear = await RawFtpClient.ConnectAsync(service.FtpPort))
            {
                Assert.Equal("530 TLS required", await clear.CommandAsync("USER secure"));
            }
            var listed = await Curl("--ssl-reqd", Url(""));
            Assert.True(listed.ExitCode == 0, listed.Stderr);
            var ccc = await Curl("--ssl-reqd", "--ftp-ssl-ccc", "-v", Url(""));
            Assert.Contains("< 533 CCC not allowed", ccc.Stderr);
        }
        finally
        {
            await service.ApplySettingsAsync();
        }
    }
}
