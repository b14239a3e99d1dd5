using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>A stopping server tells its clients (RFC 959 421) instead of dropping them.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Sessions_get_421_when_the_server_stops()
    {
        var server = new FtpServiceFactory();
        await server.InitializeAsync();
        await server.CreateFtpAccountAsync("leaving", "leaving-pass-1");
        await using var client = await RawFtpClient.ConnectAsync(server.FtpPort, "leaving", "leaving-pass-1");

        await server.DisposeAsync();

        Assert.Equal("421 Service closing control connection", await client.ReadReplyAsync());
        Assert.Null(await client.ReadReplyAsync());
    }
}
