using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>The real service with short timeouts, so DATA-ORDER, DATA-STALL and SES-IDLE can be watched expiring.</summary>
public sealed class ShortTimeoutsFactory : FtpServiceFactory
{
    protected override FtpServerSettings InitialSettings => base.InitialSettings with
    {
        DataConnectTimeout = TimeSpan.FromSeconds(1),
        DataStallTimeout = TimeSpan.FromSeconds(1),
        IdleTimeout = TimeSpan.FromSeconds(2),
    };
}

public sealed class TimeoutTests(ShortTimeoutsFactory service) : IClassFixture<ShortTimeoutsFactory>
{
    [Fact]
    public async Task Data_connection_that_never_comes_gets_425_and_a_stalled_upload_426()
    {
        await service.CreateFtpAccountAsync("slow", "slow-pass-1");
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "slow", "slow-pass-1");

        Assert.StartsWith("229", await client.CommandAsync("EPSV"));
        Assert.StartsWith("150", await client.CommandAsync("LIST"));
        Assert.StartsWith("425", await client.ReadReplyAsync()); // DATA-ORDER: nobody connected

        var port = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));
        await client.SendAsync("STOR stalled.bin\r\n"u8.ToArray());
        using var data = new TcpClient();
        await data.ConnectAsync(IPAddress.Loopback, port);
        Assert.StartsWith("150", await client.ReadReplyAsync());
        await data.GetStream().WriteAsync(new byte[1000]);
        Assert.StartsWith("426", await client.ReadReplyAsync()); // DATA-STALL: nothing more came
        Assert.Equal(1000, new FileInfo(Path.Combine(service.AccountRoot("slow"), "stalled.bin")).Length); // kept for REST
    }

    [Fact]
    public async Task Idle_session_gets_421_and_a_second_pasv_closes_the_first_port()
    {
        await service.CreateFtpAccountAsync("idle", "idle-pass-1");
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "idle", "idle-pass-1");
        var first = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));
        var second = RawFtpClient.EpsvPort(await client.CommandAsync("EPSV"));
        Assert.NotEqual(first, second);
        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, first)); // DATA-ONE

        Assert.StartsWith("421", await client.ReadReplyAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(await client.ReadReplyAsync());
    }
}
