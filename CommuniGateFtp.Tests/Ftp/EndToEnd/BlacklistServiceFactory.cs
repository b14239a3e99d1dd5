using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// The real service with its own protection values: 3 failures blacklist an address, 127.0.0.3 is a White Hole, the
/// token route allows 2 requests a minute per address and per account. Loopback (127.0.0.1) is not a White Hole here:
/// each test offends from an address of its own (127.0.0.2 and up) and checks that 127.0.0.1 is still served.
/// </summary>
public sealed class BlacklistServiceFactory : FtpServiceFactory
{
    public const string WhiteHole = "127.0.0.3";

    protected override FtpServerSettings InitialSettings => base.InitialSettings with
    {
        UnblacklistableIps = WhiteHole,
        TempBlacklistFailures = 3,
        TokenRequestsPerAddress = 2,
        TokenRequestsPerAccount = 2,
    };
}
