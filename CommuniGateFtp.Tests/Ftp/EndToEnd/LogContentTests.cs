using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>LOG-CONTENT: what each level records for a real session, and that All Info never shows a password.</summary>
public sealed class LogContentTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    [Fact]
    public async Task All_info_records_file_changes_data_connections_raw_lines_and_progress_masked()
    {
        using var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("logged2", "secret-password-7");
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { logLevel = "AllInfo", loginFailureDelay = "00:00:00.05" })).EnsureSuccessStatusCode();
        try
        {
            await using (var client = await RawFtpClient.ConnectAsync(service.FtpPort, "logged2", "secret-password-7"))
            {
                Assert.StartsWith("257", await client.CommandAsync("MKD box"));
                var port = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));
                await client.SendAsync("STOR box/data.bin\r\n"u8.ToArray());
                using (var data = new TcpClient())
                {
                    await data.ConnectAsync(IPAddress.Loopback, port);
                    Assert.StartsWith("150", await client.ReadReplyAsync());
                    await data.GetStream().WriteAsync(new byte[1000]);
                    await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken); // progress is recorded each second
                    await data.GetStream().WriteAsync(new byte[3321]);
                }
                Assert.StartsWith("226", await client.ReadReplyAsync());
                Assert.StartsWith("350", await client.CommandAsync("RNFR box/data.bin"));
                Assert.StartsWith("250", await client.CommandAsync("RNTO box/renamed.bin"));
                Assert.StartsWith("250", await client.CommandAsync("DELE box/renamed.bin"));
                Assert.StartsWith("503", await client.CommandAsync("RNTO nothing"));
                Assert.StartsWith("221", await client.CommandAsync("QUIT"));
            }

            var lines = (await admin.GetFromJsonAsync<List<string>>("/api/log"))!.Where(l => l.Contains("[127.0.0.1]")).ToList();
            Assert.DoesNotContain(lines, l => l.Contains("secret-password-7"));
            Assert.Contains(lines, l => l.Contains(" 5 FTP-") && l.EndsWith("<- PASS ***"));
            Assert.Contains(lines, l => l.Contains(" 5 FTP-") && l.EndsWith("-> 230 User logged2 logged in"));
            Assert.Contains(lines, l => l.Contains(" 2 FTP-") && l.EndsWith("MKD box"));
            Assert.Contains(lines, l => l.Contains(" 4 FTP-") && l.Contains("data connection ") && l.EndsWith("opened for STOR"));
            Assert.Contains(lines, l => l.Contains(" 2 FTP-") && l.EndsWith("STOR /box/data.bin: 4321 bytes received"));
            Assert.Contains(lines, l => l.Contains(" 2 FTP-") && l.EndsWith("renamed /box/data.bin to box/renamed.bin"));
            Assert.Contains(lines, l => l.Contains(" 2 FTP-") && l.EndsWith("DELE box/renamed.bin"));
            Assert.Contains(lines, l => l.Contains(" 3 FTP-") && l.Contains("RNTO nothing refused: 503"));
            Assert.Contains(lines, l => l.Contains(" 5 FTP-") && l.Contains("STOR /box/data.bin: 1000 bytes, "));
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { loginFailureDelay = "00:00:00.05" })).EnsureSuccessStatusCode();
        }
    }
}
