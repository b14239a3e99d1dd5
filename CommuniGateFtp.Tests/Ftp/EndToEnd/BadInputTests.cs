using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// LIM-*: thousands of random and hostile lines over a real socket; the server answers each one, stays alive, and no
/// file appears outside the account's root. Plus the data-connection rules a hostile peer tests.
/// </summary>
public sealed class BadInputTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private static readonly string[] Hostile =
    [
        "MKD ../../FUZZMARK-up", "MKD /../../../FUZZMARK-abs", "STOR ../../../../tmp/FUZZMARK-stor", "CWD ../../../..",
        "MKD ..", "MKD .", "MKD ~root", "MKD /~postmaster/FUZZMARK", "RNFR /", "RNTO ../../FUZZMARK-rn", "CWD /etc", "RETR /etc/passwd",
        "DELE ../../../../etc/hostname", "RMD ..", "SIZE ../../../etc/passwd", "MLST /../..", "LIST -la ../../..",
        "MKD a\\..\\..\\FUZZMARK-bs", "MKD " + new string('A', 300), "CWD " + string.Join('/', Enumerable.Repeat("..", 2000)),
        "REST 99999999999999999999999999", "REST -5", "PORT 999,0,0,1,1,1", "PORT 127,0,0,1,0,22", "EPRT |1|8.8.8.8|80|",
        "EPRT ||||||", "LPRT 4,4", "TYPE " + new string('x', 3000), "MFMT 99999999999999 x", "OPTS MLST " + new string(';', 2000),
        "SITE CHMOD 777 /", "HELP " + new string('H', 100), "STAT ../../..", "FEAT", "ALLO -1", "APPE", "RETR", "STOR", "RNFR",
    ];

    [Fact]
    public async Task Thousands_of_random_and_hostile_lines_leave_the_server_alive_and_the_disk_untouched()
    {
        await service.CreateFtpAccountAsync("fuzz", "fuzz-pass-1");
        var outsideBefore = FilesOutsideAccount();
        var random = new Random(959);
        var lines = new List<byte[]>();
        for (var i = 0; i < 3000; i++)
        {
            var line = new byte[random.Next(0, 200)];
            random.NextBytes(line);
            for (var j = 0; j < line.Length; j++)
            {
                if (line[j] is (byte)'\n' or (byte)'\r' or 255)
                {
                    line[j] = (byte)'?'; // one line each; Telnet bytes come in the hostile set
                }
            }
            lines.Add(line);
        }
        lines.AddRange(Hostile.Select(Encoding.UTF8.GetBytes));
        lines.Add([0xC0, 0xAF, 0x2E, 0x2E]);                               // overlong UTF-8 '/..'
        lines.Add([.. "MKD a"u8, 0, .. "b"u8]);                            // NUL
        lines.Add([255, 244, 255, 242, .. "NOOP"u8]);                      // Telnet IP + DM
        lines.Add([255, 251, 24, .. "NOOP"u8]);                            // WILL TERMINAL-TYPE
        lines.Add(Encoding.ASCII.GetBytes("NOOP " + new string('x', 10_000))); // overlong line
        lines.Add(Encoding.ASCII.GetBytes("99999999999999999999 " + new string('9', 50)));

        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "fuzz", "fuzz-pass-1");
        var answered = 0;
        foreach (var line in lines)
        {
            await client.SendAsync([.. line, (byte)'\r', (byte)'\n']);
            var reply = await client.ReadReplyAsync();
            Assert.True(reply is not null, $"no reply to line {answered}: {Convert.ToHexString(line)}");
            Assert.Matches(@"^[1-5]\d\d", reply);
            answered++;
            if (reply.StartsWith("331") || reply.StartsWith("220"))
            {
                // A random USER or REIN logged us out: log in again so the hostile lines meet a logged-in session.
                Assert.StartsWith("331", await client.CommandAsync("USER fuzz"));
                Assert.StartsWith("230", await client.CommandAsync("PASS fuzz-pass-1"));
            }
        }
        Assert.Equal(lines.Count, answered);
        Assert.StartsWith("200", await client.CommandAsync("NOOP"));

        await using var another = await RawFtpClient.ConnectAsync(service.FtpPort, "fuzz", "fuzz-pass-1");
        Assert.StartsWith("257 \"/\"", await another.CommandAsync("PWD"));
        Assert.Equal(outsideBefore, FilesOutsideAccount());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetTempPath(), "FUZZMARK*"));
    }

    [Fact]
    public async Task Passive_connection_from_another_address_is_refused_and_the_client_still_gets_its_data()
    {
        await service.CreateFtpAccountAsync("pasv", "pasv-pass-1");
        TestFiles.Write(Path.Combine(service.AccountRoot("pasv"), "f.bin"), 1000);
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "pasv", "pasv-pass-1");
        var port = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));

        // SEC-PASVTHEFT: 127.0.0.2 is this machine too, but not the control connection's peer. It comes first.
        Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
        using var thief = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        thief.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        await thief.ConnectAsync(IPAddress.Loopback, port);
        await client.SendAsync("RETR f.bin\r\n"u8.ToArray());
        Assert.StartsWith("150", await client.ReadReplyAsync());
        var stolen = await thief.ReceiveAsync(new byte[10], SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, stolen); // closed at once, nothing sent

        using var data = new TcpClient();
        await data.ConnectAsync(IPAddress.Loopback, port);
        var received = new MemoryStream();
        await data.GetStream().CopyToAsync(received);
        Assert.StartsWith("226", await client.ReadReplyAsync());
        Assert.Equal(1000, received.Length);
    }

    [Fact]
    public async Task Interrupted_replacement_keeps_the_old_file_and_a_second_transfer_command_gets_450()
    {
        await service.CreateFtpAccountAsync("atomic", "atomic-pass-1");
        var target = Path.Combine(service.AccountRoot("atomic"), "keep.bin");
        var original = await File.ReadAllBytesAsync(TestFiles.Write(target, 4096));
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "atomic", "atomic-pass-1");
        Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
        var port = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));

        await client.SendAsync("STOR keep.bin\r\n"u8.ToArray());
        using var data = new TcpClient();
        await data.ConnectAsync(IPAddress.Loopback, port);
        Assert.StartsWith("150", await client.ReadReplyAsync());
        await data.GetStream().WriteAsync(new byte[100_000]);

        // Live counters: the registry shows the upload's progress while it runs.
        var registry = service.Services.GetRequiredService<SessionRegistry>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((registry.Sessions.FirstOrDefault(s => s.Account?.Name == "atomic")?.CurrentTransfer?.Bytes ?? 0) < 100_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Equal(100_000, registry.Sessions.Single(s => s.Account?.Name == "atomic").CurrentTransfer!.Bytes);

        // LIM-CONCURRENT: the control channel is served during the upload.
        Assert.StartsWith("450", await client.CommandAsync("RETR keep.bin"));
        Assert.StartsWith("211", await client.CommandAsync("STAT"));
        var abort = await client.CommandAsync("ABOR");
        Assert.StartsWith("426", abort);
        Assert.StartsWith("226", await client.ReadReplyAsync());

        Assert.Equal(original, await File.ReadAllBytesAsync(target)); // FS-ATOMIC: the old file is untouched
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(service.StorageRoot, ".staging")));
        Assert.StartsWith("200", await client.CommandAsync("NOOP"));
    }

    // The domain's own directory appears with its first account's storage, whichever test logs in first: not "outside".
    // Nor is the service's own log (its node folder and day files, nothing else) in <StorageRoot>/.logs.
    private List<string> FilesOutsideAccount() =>
        [.. Directory.EnumerateFileSystemEntries(service.StorageRoot, "*", SearchOption.AllDirectories)
            .Where(p => p != Path.Combine(service.StorageRoot, FtpServiceFactory.MainDomain)
                        && !p.StartsWith(Path.Combine(service.StorageRoot, FtpServiceFactory.MainDomain) + "/", StringComparison.Ordinal)
                        && !p.StartsWith(Path.Combine(service.StorageRoot, ".staging"), StringComparison.Ordinal)
                        && !Regex.IsMatch(Path.GetRelativePath(service.StorageRoot, p), @"^\.logs(/[^/]+(/\d{4}-\d{2}-\d{2}\.log)?)?$"))
            .Order(StringComparer.Ordinal)];
}
