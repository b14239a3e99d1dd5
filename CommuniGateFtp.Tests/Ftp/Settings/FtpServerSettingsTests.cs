using System.Net;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Settings;

/// <summary>The live settings' validation (SPEC section 7: ports 1–65535, ranges low ≤ high, address lists) and the Listener table's rules.</summary>
public sealed class FtpServerSettingsTests
{
    private static ListenerSocket Row(int port, string address = "*", bool secure = false) => new() { Port = port, Address = address, Secure = secure };

    private static Dictionary<string, string[]> Problems(FtpServerSettings settings, bool certificate = false) => settings.Validate(certificate);

    [Fact]
    public void Defaults_are_valid_and_follow_the_spec()
    {
        var defaults = new FtpServerSettings();
        Assert.Empty(Problems(defaults));
        Assert.Null(defaults.Listener); // the start-up socket(s)
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

    [Fact]
    public void Same_port_twice_on_one_address_is_refused_with_both_rows_named()
    {
        var errors = Problems(new FtpServerSettings { Listener = [Row(21, "127.0.0.1"), Row(990, "127.0.0.1"), Row(21, "127.0.0.1")] });
        Assert.Equal("Port 21 on '127.0.0.1' is already in the table as listener[0] ('127.0.0.1').", Assert.Single(errors["listener[2].port"]));
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("*", "127.0.0.1")]     // all addresses, dual-stack, covers every one
    [InlineData("*", "::1")]
    [InlineData("0.0.0.0", "127.0.0.1")]
    [InlineData("::1", "0:0:0:0:0:0:0:1")] // one address, written twice
    public void Addresses_that_cover_each_other_collide_on_one_port(string first, string second) =>
        Assert.Contains("listener[1].port", Problems(new FtpServerSettings { Listener = [Row(2121, first), Row(2121, second)] }).Keys);

    [Fact]
    public void Different_addresses_and_ports_do_not_collide() =>
        Assert.Empty(Problems(new FtpServerSettings
        {
            Listener = [Row(21, "127.0.0.1"), Row(21, "127.0.0.2"), Row(21, "::1"), Row(2121)],
        }));

    [Fact]
    public void Bad_rows_are_refused_member_by_member()
    {
        var errors = Problems(new FtpServerSettings
        {
            Listener =
            [
                Row(65536),
                Row(21, "somewhere"),
                Row(22, "10.1"),
                Row(23, "::ffff:127.0.0.1"),
                new ListenerSocket { Port = 24, AllowedClients = "10.0.0.0/8\nnot-an-address", PerIpLimit = -1 },
                Row(990, secure: true),
            ],
        });
        Assert.Equal(
            ["listener[0].port", "listener[1].address", "listener[2].address", "listener[3].address", "listener[4].allowedClients",
                "listener[4].perIpLimit", "listener[5].secure"],
            errors.Keys.Order());
        Assert.Contains("line 2", errors["listener[4].allowedClients"][0]);
        Assert.Contains("certificate", errors["listener[5].secure"][0]);
        Assert.DoesNotContain("listener[5].secure", Problems(new FtpServerSettings { Listener = [Row(990, secure: true)] }, certificate: true).Keys);
    }

    [Fact]
    public void A_row_with_port_0_is_removed_and_never_validated()
    {
        IReadOnlyList<ListenerSocket> table = [Row(0, "not an address"), Row(2121), Row(0)];
        Assert.Empty(Problems(new FtpServerSettings { Listener = table }));
        Assert.Equal([Row(2121)], ListenerTable.WithoutRemovedRows(table));
    }

    [Fact]
    public void Start_up_options_give_the_clear_socket_first_then_the_implicit_tls_one()
    {
        Assert.Equal([Row(8021)], ListenerTable.FromStartupOptions(new FtpOptions()));
        Assert.Equal([Row(2121, "127.0.0.1"), Row(990, "127.0.0.1", secure: true)],
            ListenerTable.FromStartupOptions(new FtpOptions { Port = 2121, ListenAddress = "127.0.0.1", Tls = { ImplicitPort = 990 } }));
    }

    [Theory]
    [InlineData(true, "198.51.100.7", "10.0.0.0/8", "127.0.0.1", "198.51.100.7")]  // outside the LAN: the WAN address
    [InlineData(true, "198.51.100.7", FtpServerSettings.DefaultLanIps, "127.0.0.1", "127.0.0.1")] // inside: the local one
    [InlineData(true, "", "10.0.0.0/8", "127.0.0.1", "127.0.0.1")]  // no WAN address: no effect
    [InlineData(false, "198.51.100.7", "10.0.0.0/8", "127.0.0.1", "127.0.0.1")] // option off
    public void Wan_address_policy(bool send, string wan, string lan, string client, string advertised)
    {
        var live = TestSettings.Live(new FtpServerSettings { SendWanAddress = send, WanAddress = wan, LanIps = lan });
        Assert.Equal(IPAddress.Parse(advertised), new WanAddressPolicy(live).Advertised(IPAddress.Loopback, IPAddress.Parse(client)));
    }
}
