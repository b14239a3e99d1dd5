using System.Net;
using CommuniGateFtp.Ftp.Listeners;

namespace CommuniGateFtp.Tests.Ftp.Protocol;

public sealed class IpAddressListTests
{
    private static IpAddressList Parse(string text)
    {
        Assert.True(IpAddressList.TryParse(text, out var list, out var error), error);
        return list;
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.0.0.7", false)]   // removed by the '!' line after the range
    [InlineData("11.0.0.1", false)]
    [InlineData("192.168.1.77", true)]
    [InlineData("192.168.1.200", false)]
    [InlineData("::ffff:10.2.0.1", true)] // IPv4-mapped is the same address
    [InlineData("2001:db8::42", true)]
    [InlineData("2001:db9::1", false)]
    public void Cgp_list_syntax_with_ranges_prefixes_exclusions_and_comments(string address, bool contained)
    {
        var list = Parse("""
            ; clients we never serve
            10.0.0.0/8
            !10.0.0.7         ; except the monitoring host
            192.168.1.10-192.168.1.99
            2001:db8::/32
            """);
        Assert.Equal(contained, list.Contains(IPAddress.Parse(address)));
    }

    [Fact]
    public void A_later_line_adds_back_what_an_exclusion_removed() =>
        Assert.True(Parse("10.0.0.0/8\n!10.0.0.0/16\n10.0.0.9").Contains(IPAddress.Parse("10.0.0.9")));

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.9-10.0.0.1")]
    [InlineData("not-an-address")]
    [InlineData("1.2.3.4\n5.6.7")]
    public void Bad_lines_are_refused_with_their_line_number(string text)
    {
        Assert.False(IpAddressList.TryParse(text, out _, out var error));
        Assert.StartsWith("line ", error);
    }
}
