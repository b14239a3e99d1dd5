using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Tests.Ftp.Settings;

/// <summary>Shared and declared passive ports (issue 18): the port list syntax and the check against declared ports.</summary>
public sealed class DeclaredPassivePortsTests
{
    private static readonly FtpOptions Declared = new() { DeclaredPassivePorts = "50000-50004" };

    [Theory]
    [InlineData("", new int[0])]
    [InlineData("50000-50002", new[] { 50000, 50001, 50002 })]
    [InlineData("2101, 2100\n2100", new[] { 2100, 2101 })]
    public void Port_lists_take_ranges_and_single_ports_in_order_without_repeats(string text, int[] expected)
    {
        Assert.True(PortList.TryParse(text, out var ports, out var error), error);
        Assert.Equal(expected, ports);
    }

    [Theory]
    [InlineData("50004-50000")]
    [InlineData("0")]
    [InlineData("1-2-3")]
    [InlineData("ftp")]
    [InlineData("1000-1064")]
    public void Wrong_port_lists_are_refused_with_a_reason(string text)
    {
        Assert.False(PortList.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Shared_ports_outside_the_declared_ones_are_refused()
    {
        var errors = new Dictionary<string, string[]>();
        DeclaredPassivePorts.Check(new FtpServerSettings { SharedPassivePorts = "50003-50005" }, Declared, errors);
        Assert.Contains("sharedPassivePorts", errors.Keys);
    }

    [Theory]
    [InlineData(50000, 50999, false)]
    [InlineData(50001, 50003, true)]
    [InlineData(49999, 50002, false)]
    public void Without_shared_ports_the_passive_range_must_lie_in_the_declared_ports(int min, int max, bool allowed)
    {
        var errors = new Dictionary<string, string[]>();
        DeclaredPassivePorts.Check(new FtpServerSettings { PassivePortMin = min, PassivePortMax = max }, Declared, errors);
        Assert.Equal(allowed, errors.Count == 0);
    }

    [Fact]
    public void Nothing_declared_restricts_nothing()
    {
        var errors = new Dictionary<string, string[]>();
        DeclaredPassivePorts.Check(new FtpServerSettings { SharedPassivePorts = "2100" }, new FtpOptions(), errors);
        Assert.Empty(errors);
    }
}
