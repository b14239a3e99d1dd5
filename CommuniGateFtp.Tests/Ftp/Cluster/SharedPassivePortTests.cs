using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Cluster;

/// <summary>
/// Shared passive ports on two nodes (issue 18): the test plays a load balancer without affinity, dialling every data
/// connection on the node that did not answer PASV; the relay between the nodes must be byte-exact in clear and under
/// TLS, refuse other addresses on both nodes, and let many sessions share five ports.
/// </summary>
public sealed partial class SharedPassivePortTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>, IAsyncLifetime
{
    private const string Account = "relayed";
    private const string Password = "relayed-pass-1";

    public async ValueTask InitializeAsync()
    {
        await cluster.A.CreateFtpAccountAsync(Account, Password);
        using var admin = await cluster.A.CreateAdminClientAsync();
        // A large quota is not needed: 100 MiB files are removed after each round trip.
        var settings = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/settings/ftp");
        Assert.Equal(cluster.SharedPorts, settings.GetProperty("sharedPassivePorts").GetString());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("clear")]
    [InlineData("tls")]
    public async Task Control_on_one_node_and_data_on_the_other_moves_1_and_100_MiB_both_ways_byte_exact(string mode)
    {
        var output = await RunAsync("ftplib_relay.py", "127.0.0.1", "127.0.0.2", cluster.A.FtpPort.ToString(), Account, Password, mode,
            $"{1 << 20},{100 << 20}", "127.0.0.1", mode == "clear" ? "theft" : "");
        Assert.Contains("OK", output);
    }

    [Fact]
    public async Task Fifty_sessions_from_fifty_addresses_share_five_ports_byte_exact()
    {
        var output = await RunAsync("ftplib_relay_many.py", "127.0.0.1", "127.0.0.2", cluster.A.FtpPort.ToString(), Account, Password, "50");
        Assert.Contains("OK", output);
    }

    [Fact]
    public async Task One_address_gets_each_shared_port_once_and_then_425_after_a_short_wait()
    {
        var from = IPAddress.Parse("127.0.0.8");
        var sessions = new List<RawFtpClient>();
        try
        {
            var ports = new List<int>();
            for (var i = 0; i < 5; i++)
            {
                var session = await RawFtpClient.ConnectAsync(i % 2 == 0 ? cluster.FtpA : cluster.FtpB, from, Account, Password);
                sessions.Add(session);
                ports.Add(PortOf(await session.CommandAsync("PASV")));
            }
            Assert.Equal(5, ports.Distinct().Count());
            sessions.Add(await RawFtpClient.ConnectAsync(cluster.FtpB, from, Account, Password));
            Assert.StartsWith("425", await sessions[^1].CommandAsync("PASV"));

            // Another address is not affected by this one's reservations.
            await using var other = await RawFtpClient.ConnectAsync(cluster.FtpA, IPAddress.Parse("127.0.0.9"), Account, Password);
            Assert.StartsWith("227", await other.CommandAsync("PASV"));
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static int PortOf(string reply)
    {
        var match = PasvReply().Match(reply);
        Assert.True(match.Success, reply);
        return int.Parse(match.Groups[1].Value) * 256 + int.Parse(match.Groups[2].Value);
    }

    private static async Task<string> RunAsync(string script, params string[] args)
    {
        var output = await ProcessRunner.RunAsync(RequiredTool.Find("python3"), [Script(script), .. args], timeout: TimeSpan.FromMinutes(3));
        Assert.True(output.ExitCode == 0, output.ToString());
        return output.Stdout;
    }

    private static string Script(string name, [CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Scripts", name);

    [GeneratedRegex(@"\(\d+,\d+,\d+,\d+,(\d+),(\d+)\)")]
    private static partial Regex PasvReply();
}
