using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Tests.Ftp.Accounts;

/// <summary>GSS-USER: principal → account, with the live realm map or the realm's own name.</summary>
public sealed class GssapiRealmsTests
{
    [Theory]
    [InlineData("alice@FTP.TEST", "", "alice@ftp.test")]
    [InlineData("Alice@FTP.TEST", "ftp.test = example.com", "alice@example.com")]
    [InlineData("alice@OTHER.TEST", "FTP.TEST = example.com\nOTHER.TEST=other.example", "alice@other.example")]
    [InlineData("host/ftp.example@FTP.TEST", "", null)]
    [InlineData("alice", "", null)]
    public void Principal_maps_to_an_account(string principal, string realms, string? account) =>
        Assert.Equal(account, GssapiRealms.Map(principal, realms)?.ToString());

    [Theory]
    [InlineData("FTP.TEST example.com")]
    [InlineData("= example.com")]
    [InlineData("FTP.TEST = not a domain")]
    public void Bad_lines_are_refused(string realms) => Assert.False(GssapiRealms.TryParse(realms, out _, out _));
}
