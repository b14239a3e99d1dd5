using System.Net;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Tests.Ftp.Settings;

/// <summary>The live settings' validation (SPEC section 7: ports 1–65535, ranges low ≤ high, address lists).</summary>
public sealed class FtpServerSettingsTests
{
    private static Dictionary<string, string[]> Problems(FtpServerSettings settings) => settings.Validate();

    [Fact]
    public void Defaults_are_valid_and_follow_the_spec()
    {
        var defaults = new FtpServerSettings();
        Assert.Empty(Problems(defaults));
        Assert.Equal((50000, 50999), (defaults.PassivePortMin, defaults.PassivePortMax));
        Assert.Equal((true, 0, 0), (defaults.UseFixedActivePort, defaults.ActivePortMin, defaults.ActivePortMax));
        Assert.Equal((false, ""), (defaults.SendWanAddress, defaults.WanAddress));
    }

    [Theory]
    [InlineData(50100, 50000, "passivePortMin")]
    [InlineData(0, 50000, "passivePortMin")]
    [InlineData(50000, 65536, "passivePortMin")]
    public void Passive_range_must_be_ports_low_to_high(int min, int max, string key) =>
        Assert.Contains(key, Problems(new FtpServerSettings { PassivePortMin = min, PassivePortMax = max }).Keys);

    [Theory]
    [InlineData(0, 0, true)]           // the system assigns the port
    [InlineData(40000, 40010, true)]
    [InlineData(40000, 40000, true)]
    [InlineData(40010, 40000, false)]
    [InlineData(40000, 0, false)]      // half a range
    [InlineData(0, 40000, false)]
    [InlineData(40000, 70000, false)]
    public void Active_range_is_empty_or_ports_low_to_high(int min, int max, bool valid) =>
        Assert.Equal(valid, !Problems(new FtpServerSettings { ActivePortMin = min, ActivePortMax = max }).ContainsKey("activePortMin"));

    [Theory]
    [InlineData("", true)]
    [InlineData("198.51.100.7", true)]
    [InlineData("2001:db8::7", false)]  // 227 carries IPv4 only
    [InlineData("198.51.100", false)]
    [InlineData("wan.example", false)]
    public void Wan_address_is_empty_or_one_ipv4_address(string wan, bool valid) =>
        Assert.Equal(valid, !Problems(new FtpServerSettings { WanAddress = wan }).ContainsKey("wanAddress"));

    [Fact]
    public void Lan_list_must_parse_and_its_default_holds_the_private_ranges()
    {
        Assert.Contains("line 2", Problems(new FtpServerSettings { LanIps = "10.0.0.0/8\n10.0.0.300" })["lanIps"][0]);
        Assert.True(IpAddressList.TryParse(FtpServerSettings.DefaultLanIps, out var lan, out _));
        foreach (var inside in new[] { "10.1.2.3", "172.31.0.1", "192.168.0.9", "127.0.0.1", "::1", "fd00::5" })
        {
            Assert.True(lan.Contains(IPAddress.Parse(inside)), inside);
        }
        Assert.False(lan.Contains(IPAddress.Parse("198.51.100.7")));
    }

    [Theory]
    [InlineData(true, "198.51.100.7", "10.0.0.0/8", "127.0.0.1", "198.51.100.7")]  // outside the LAN: the WAN address
    [InlineData(true, "198.51.100.7", FtpServerSettings.DefaultLanIps, "127.0.0.1", "127.0.0.1")] // inside: the local one
    [InlineData(true, "", "10.0.0.0/8", "127.0.0.1", "127.0.0.1")]  // no WAN address: no effect
    [InlineData(false, "198.51.100.7", "10.0.0.0/8", "127.0.0.1", "127.0.0.1")] // option off
    public void Wan_address_policy(bool send, string wan, string lan, string client, string advertised)
    {
        var live = new LiveSettings(null!);
        live.Apply(new FtpServerSettings { SendWanAddress = send, WanAddress = wan, LanIps = lan });
        Assert.Equal(IPAddress.Parse(advertised), new WanAddressPolicy(live).Advertised(IPAddress.Loopback, IPAddress.Parse(client)));
    }
}
