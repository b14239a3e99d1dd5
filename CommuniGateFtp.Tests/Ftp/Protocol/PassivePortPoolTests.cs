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
        var live = TestSettings.Live(new FtpServerSettings { PassivePortMin = port, PassivePortMax = port });
        var pool = new PassivePortPool(live, new NoSharedPassivePorts(),
            new InlineSocketCompletions(Options.Create(new FtpOptions()), NullLogger<InlineSocketCompletions>.Instance), NullLogger<PassivePortPool>.Instance);
        await using var first = await pool.OpenAsync(IPAddress.Loopback, IPAddress.Loopback, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await pool.OpenAsync(IPAddress.Loopback, IPAddress.Loopback, CancellationToken.None)); // 425 rather than a shared port
    }
}
