using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>Engine rules that need the real service: HOST against the database, HASH, STOU, the fixed active port, links.</summary>
public sealed class EngineRulesTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    [Fact]
    public async Task Host_selects_the_domain_for_unqualified_names_and_refuses_unknown_hosts()
    {
        await service.CreateFtpAccountAsync("hosted", "hosted-pass-1");
        await using (var client = await RawFtpClient.ConnectAsync(service.FtpPort))
        {
            var features = await client.CommandAsync("FEAT");
            Assert.Contains(" EPSV", features);
            Assert.DoesNotContain("AUTH", features); // no certificate, no TLS advertised (CMD-FEAT-LIST)
            Assert.StartsWith("504", await client.CommandAsync("HOST unknown.example"));
            Assert.StartsWith("220", await client.CommandAsync($"HOST {FtpServiceFactory.MainDomain}"));
            Assert.StartsWith("331", await client.CommandAsync("USER hosted"));
            Assert.StartsWith("230", await client.CommandAsync("PASS hosted-pass-1"));
            Assert.StartsWith("503", await client.CommandAsync($"HOST {FtpServiceFactory.MainDomain}"));
        }
    }

    [Fact]
    public async Task Hash_answers_sha256_of_the_file_and_stou_stores_under_a_unique_name()
    {
        await service.CreateFtpAccountAsync("hasher", "hasher-pass-1");
        var content = Encoding.UTF8.GetBytes("hash me\n");
        Directory.CreateDirectory(service.AccountRoot("hasher"));
        await File.WriteAllBytesAsync(Path.Combine(service.AccountRoot("hasher"), "note"), content);
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "hasher", "hasher-pass-1");
        Assert.Equal($"213 SHA-256 0-{content.Length} {Convert.ToHexStringLower(SHA256.HashData(content))} note", await client.CommandAsync("HASH note"));

        Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
        var port = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));
        await client.SendAsync("STOU note\r\n"u8.ToArray());
        using (var data = new TcpClient())
        {
            await data.ConnectAsync(IPAddress.Loopback, port);
            Assert.Equal("150 FILE: note.1", await client.ReadReplyAsync());
            await data.GetStream().WriteAsync("unique"u8.ToArray());
        }
        Assert.StartsWith("226", await client.ReadReplyAsync());
        Assert.Equal("unique", await File.ReadAllTextAsync(Path.Combine(service.AccountRoot("hasher"), "note.1")));
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(service.AccountRoot("hasher"), "note")));
    }

    [Fact]
    public async Task Active_data_connection_comes_from_the_control_port_minus_one()
    {
        await service.CreateFtpAccountAsync("active", "active-pass-1");
        TestFiles.Write(Path.Combine(service.AccountRoot("active"), "a.bin"), 5000);
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "active", "active-pass-1");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Assert.StartsWith("200", await client.CommandAsync("TYPE I"));
        Assert.StartsWith("200", await client.CommandAsync($"EPRT |1|127.0.0.1|{port}|"));
        await client.SendAsync("RETR a.bin\r\n"u8.ToArray());
        using var data = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(service.FtpPort - 1, ((IPEndPoint)data.Client.RemoteEndPoint!).Port); // SET-FIXEDACTIVE
        Assert.StartsWith("150", await client.ReadReplyAsync());
        var received = new MemoryStream();
        await data.GetStream().CopyToAsync(received);
        Assert.StartsWith("226", await client.ReadReplyAsync());
        Assert.Equal(5000, received.Length);
    }

    [Fact]
    public async Task Symbolic_links_in_the_storage_are_never_followed()
    {
        await service.CreateFtpAccountAsync("linked", "linked-pass-1");
        var outside = Directory.CreateTempSubdirectory("cgftp-outside-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(outside, "secret.txt"), "secret");
            Directory.CreateDirectory(service.AccountRoot("linked"));
            Directory.CreateSymbolicLink(Path.Combine(service.AccountRoot("linked"), "escape"), outside);
            File.CreateSymbolicLink(Path.Combine(service.AccountRoot("linked"), "passwd"), "/etc/passwd");
            await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "linked", "linked-pass-1");
            Assert.StartsWith("550", await client.CommandAsync("CWD escape"));
            Assert.StartsWith("550", await client.CommandAsync("SIZE escape/secret.txt"));
            Assert.StartsWith("550", await client.CommandAsync("MLST passwd"));
            Assert.StartsWith("550", await client.CommandAsync("RETR passwd"));
            Assert.StartsWith("550", await client.CommandAsync("MKD escape/new"));
            Assert.StartsWith("550", await client.CommandAsync("DELE escape/secret.txt"));
            Assert.Equal(["secret.txt"], Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName));
            await File.WriteAllTextAsync(Path.Combine(service.AccountRoot("linked"), "plain.txt"), "plain");
            foreach (var args in new string[][] { ["-l"], [], ["-X", "MLSD"] }) // NLST, LIST, MLSD: links are not there at all
            {
                var run = await ProcessRunner.RunAsync(RequiredTool.Find("curl"),
                    ["-sS", "--user", "linked:linked-pass-1", .. args, $"ftp://127.0.0.1:{service.FtpPort}/"]);
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.Contains("plain.txt", run.Stdout);
                Assert.DoesNotContain("escape", run.Stdout);
                Assert.DoesNotContain("passwd", run.Stdout);
            }
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
