using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>SET-CHANNELS applied live: the excess connection gets 421, and 0 really frees the port until raised again.</summary>
public sealed class ChannelsTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    [Fact]
    public async Task Limit_refuses_the_excess_and_zero_unbinds_the_port_without_killing_sessions()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("chan", "chan-pass-1");
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 2 })).StatusCode);
            await using var first = await RawFtpClient.ConnectAsync(service.FtpPort, "chan", "chan-pass-1");
            await using (var second = await RawFtpClient.ConnectAsync(service.FtpPort))
            {
                using var third = new TcpClient();
                await third.ConnectAsync(IPAddress.Loopback, service.FtpPort);
                var refusal = await new StreamReader(third.GetStream()).ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Equal("421 Too many connections, try again later\r\n", refusal);
            }
            await Eventually.HoldsAsync(async () =>
            {
                await using var again = await RawFtpClient.ConnectAsync(service.FtpPort); // a channel is free again
            });

            Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 0 })).StatusCode);
            await Eventually.HoldsAsync(() =>
            {
                // Nothing listens: the port can be bound by someone else.
                using var probe = new TcpListener(IPAddress.IPv6Any, service.FtpPort) { Server = { DualMode = true } };
                probe.Start();
                probe.Stop();
                return Task.CompletedTask;
            });
            Assert.StartsWith("200", await first.CommandAsync("NOOP")); // lowering never kills existing sessions
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = -1 })).StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 20 })).StatusCode);
            await Eventually.HoldsAsync(async () =>
            {
                await using var back = await RawFtpClient.ConnectAsync(service.FtpPort, "chan", "chan-pass-1");
            });
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 20 })).EnsureSuccessStatusCode();
        }
    }
}
