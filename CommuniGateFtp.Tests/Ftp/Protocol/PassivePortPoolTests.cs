using System.Net;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Tests.Ftp.Protocol;

public sealed class PassivePortPoolTests
{
    [Fact]
    public async Task A_port_another_session_listens_on_is_never_handed_out_again()
    {
        var port = TestPostgres.FreePort();
        var pool = Pool(port, port);
        await using var first = await pool.OpenAsync(IPAddress.Loopback, IPAddress.Loopback, null, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await pool.OpenAsync(IPAddress.Loopback, IPAddress.Loopback, null, CancellationToken.None)); // 425 rather than a shared port
    }

    [Fact]
    public async Task A_pasv_that_replaces_a_pending_one_gets_another_port_while_the_range_has_one()
    {
        var low = TestPostgres.FreePorts(2);
        var pool = Pool(low, low + 1);
        for (var round = 0; round < 20; round++) // the draw is random: each round would repeat the port half the time
        {
            int replaced;
            await using (var first = await pool.OpenAsync(IPAddress.Loopback, IPAddress.Loopback, null, CancellationToken.None))
            {
                replaced = first!.LocalEndPoint.Port;
            }
            await using var second = await pool.OpenAsync(IPAddress.Loopback, IPAddress.Loopback, replaced, CancellationToken.None);
            Assert.NotEqual(replaced, second!.LocalEndPoint.Port);
        }

        // A range of one port hands out that port again rather than none.
        var single = Pool(low, low);
        await using var only = await single.OpenAsync(IPAddress.Loopback, IPAddress.Loopback, low, CancellationToken.None);
        Assert.Equal(low, only!.LocalEndPoint.Port);
    }

    private static PassivePortPool Pool(int min, int max) => new(
        TestSettings.Live(new FtpServerSettings { PassivePortMin = min, PassivePortMax = max }), new NoSharedPassivePorts(),
        new InlineSocketCompletions(Options.Create(new FtpOptions()), NullLogger<InlineSocketCompletions>.Instance), NullLogger<PassivePortPool>.Instance);
}
