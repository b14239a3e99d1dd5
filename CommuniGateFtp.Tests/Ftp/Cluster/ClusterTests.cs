using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Ftp.EndToEnd;
using CommuniGateFtp.Tests.Infrastructure;
using Npgsql;

namespace CommuniGateFtp.Tests.Ftp.Cluster;

/// <summary>
/// Two nodes on one database (issue 18): each node's API shows and ends the other's sessions (also when the other node's
/// LISTEN connection was down as it was asked), settings and blacklist
/// entries saved on one apply on the other within a second, and a node killed with SIGKILL drops out within seconds.
/// </summary>
public sealed class ClusterTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private const string Account = "roamer";
    private const string Password = "roamer-pass-1";

    [Fact]
    public async Task A_session_on_node_b_is_listed_and_streamed_by_node_a_and_ended_through_it()
    {
        await cluster.A.CreateFtpAccountAsync(Account, Password);
        using var admin = await cluster.A.CreateAdminClientAsync();
        using var stream = await EventStreamReader.OpenAsync(admin, "/api/sessions/stream");
        Assert.Equal("snapshot", (await stream.NextAsync(TimeSpan.FromSeconds(10)))!.Name);

        await using var client = await RawFtpClient.ConnectAsync(cluster.FtpB, null, Account, Password);
        var listed = await SessionOfAsync(admin, client.LocalPort);
        Assert.Equal(TwoNodeCluster.NodeB, listed.GetProperty("node").GetString());
        Assert.Equal($"{Account}@{FtpServiceFactory.MainDomain}", listed.GetProperty("account").GetString());
        var id = listed.GetProperty("id").GetInt64();
        var opened = await NextAboutAsync(stream, id, "opened");
        Assert.Equal(TwoNodeCluster.NodeB, opened.Json.GetProperty("node").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await admin.DeleteAsync($"/api/sessions/{id}")).StatusCode);
        Assert.StartsWith("421", await client.ReadReplyAsync());
        await NextAboutAsync(stream, id, "closed");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/sessions/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_disconnect_asked_while_node_b_is_not_listening_reaches_it_when_it_listens_again()
    {
        await cluster.A.CreateFtpAccountAsync(Account, Password);
        using var admin = await cluster.A.CreateAdminClientAsync();
        await using var client = await RawFtpClient.ConnectAsync(cluster.FtpB, null, Account, Password);
        var id = (await SessionOfAsync(admin, client.LocalPort)).GetProperty("id").GetInt64();

        // Node B stands still while its LISTEN connection is cut, so that it can neither hear the NOTIFY nor listen
        // again before the disconnect is asked: the NOTIFY is lost for it, the request must not be.
        await cluster.B.PauseAsync(true);
        try
        {
            Assert.True(await TerminateListenersAsync() >= 2, "the LISTEN connections of both nodes were found and cut");
            Assert.Equal(HttpStatusCode.Accepted, (await admin.DeleteAsync($"/api/sessions/{id}")).StatusCode);
        }
        finally
        {
            await cluster.B.PauseAsync(false);
        }
        Assert.StartsWith("421", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task Removing_an_account_on_node_a_ends_its_session_on_node_b()
    {
        await cluster.A.CreateFtpAccountAsync("leaving", "leaving-pass-1");
        using var admin = await cluster.A.CreateAdminClientAsync();
        await using var client = await RawFtpClient.ConnectAsync(cluster.FtpB, null, "leaving", "leaving-pass-1");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/accounts/{FtpServiceFactory.MainDomain}/leaving")).StatusCode);
        Assert.StartsWith("421", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task A_password_changed_or_an_account_disabled_on_node_a_is_refused_on_node_b_that_knew_the_old_one()
    {
        const string name = "changer";
        await cluster.A.CreateFtpAccountAsync(name, "changer-pass-1");
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(100); // node B hears of the account's creation, then keeps a login that succeeded
            await using (await RawFtpClient.ConnectAsync(cluster.FtpB, null, name, "changer-pass-1"))
            {
            }
        }
        using var admin = await cluster.A.CreateAdminClientAsync();
        var path = $"/api/accounts/{FtpServiceFactory.MainDomain}/{name}";

        (await admin.PatchAsJsonAsync(path, new { password = "changer-pass-2" })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => Assert.StartsWith("530", await PassAsync(cluster.FtpB, name, "changer-pass-1")));
        Assert.StartsWith("230", await PassAsync(cluster.FtpB, name, "changer-pass-2"));
        Assert.StartsWith("230", await PassAsync(cluster.FtpB, name, "changer-pass-2"));

        (await admin.PatchAsJsonAsync(path, new { enabled = false })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => Assert.StartsWith("530", await PassAsync(cluster.FtpB, name, "changer-pass-2")));
    }

    [Fact]
    public async Task Settings_and_blacklist_saved_on_node_a_apply_on_node_b_within_a_second()
    {
        try
        {
            await cluster.A.ApplySettingsAsync(s => s with { BlacklistedIps = "127.0.0.6" });
            var settingsApplied = await RefusedWithinAsync(cluster.FtpB, "127.0.0.6");
            TestContext.Current.SendDiagnosticMessage($"settings applied on node B after {settingsApplied.TotalMilliseconds:F0} ms");
            Assert.True(settingsApplied <= TimeSpan.FromSeconds(1));
        }
        finally
        {
            await cluster.A.ApplySettingsAsync();
        }

        for (var i = 0; i < 3; i++)
        {
            await TemporaryBlacklistTests.FailLoginAsync(cluster.FtpA, "127.0.0.5");
        }
        Assert.Equal(TemporaryBlacklistTests.Blacklisted, await RawFtpClient.RefusalAsync(cluster.FtpA, IPAddress.Parse("127.0.0.5")));
        var blockApplied = await RefusedWithinAsync(cluster.FtpB, "127.0.0.5");
        TestContext.Current.SendDiagnosticMessage($"blacklist entry applied on node B after {blockApplied.TotalMilliseconds:F0} ms");
        Assert.True(blockApplied <= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_node_killed_with_sigkill_drops_out_of_the_view_with_its_sessions_within_seconds()
    {
        await cluster.A.CreateFtpAccountAsync(Account, Password);
        using var admin = await cluster.A.CreateAdminClientAsync();
        var nodes = await admin.GetFromJsonAsync<JsonElement>("/api/nodes");
        var b = Assert.Single(nodes.EnumerateArray(), n => n.GetProperty("name").GetString() == TwoNodeCluster.NodeB);
        var listener = Assert.Single(b.GetProperty("listeners").EnumerateArray());
        Assert.Equal("127.0.0.2", listener.GetProperty("address").GetString());
        Assert.True(listener.GetProperty("bound").GetBoolean());
        Assert.Contains(nodes.EnumerateArray(), n => n.GetProperty("name").GetString() == TwoNodeCluster.NodeA && n.GetProperty("self").GetBoolean());

        await using (var client = await RawFtpClient.ConnectAsync(cluster.FtpB, null, Account, Password))
        {
            var port = client.LocalPort;
            await SessionOfAsync(admin, port);
            await cluster.B.KillAsync();
            var clock = Stopwatch.StartNew();
            await Eventually.HoldsAsync(async () =>
            {
                var sessions = await admin.GetFromJsonAsync<JsonElement>("/api/sessions");
                Assert.DoesNotContain(sessions.EnumerateArray(), s => s.GetProperty("node").GetString() == TwoNodeCluster.NodeB);
                var live = await admin.GetFromJsonAsync<JsonElement>("/api/nodes");
                Assert.DoesNotContain(live.EnumerateArray(), n => n.GetProperty("name").GetString() == TwoNodeCluster.NodeB);
            });
            TestContext.Current.SendDiagnosticMessage($"killed node gone from node A's view after {clock.Elapsed.TotalSeconds:F1} s");
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8));
        }
        await cluster.B.RestartAsync(); // for the tests that run after this one
    }

    private static async Task<string> PassAsync(IPEndPoint node, string user, string password)
    {
        await using var client = await RawFtpClient.ConnectAsync(node, null);
        Assert.StartsWith("331", await client.CommandAsync($"USER {user}"));
        return await client.CommandAsync($"PASS {password}");
    }

    /// <summary>
    /// Ends the backends of every node's cluster LISTEN connection; how many there were. (Npgsql sends the LISTENs as
    /// separate statements: the backend's last query is one of them.) Chosen first, then ended: in one WHERE the planner
    /// may call pg_terminate_backend before the cheaper-looking test of the query, on every backend, this one included.
    /// </summary>
    private async Task<int> TerminateListenersAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.A.ConnectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand("""
            WITH listeners AS MATERIALIZED (
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND query IN ('LISTEN cgftp_cluster', 'LISTEN cgftp_blacklist', 'LISTEN cgftp_logins'))
            SELECT count(*)::int FROM listeners WHERE pg_terminate_backend(pid)
            """, connection);
        return (int)(await terminate.ExecuteScalarAsync())!;
    }

    /// <summary>The session whose client port is <paramref name="clientPort"/>, once node A lists it logged in.</summary>
    private static async Task<JsonElement> SessionOfAsync(HttpClient admin, int clientPort)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var sessions = await admin.GetFromJsonAsync<JsonElement>("/api/sessions");
            found = Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("client").GetString()!.EndsWith($":{clientPort}", StringComparison.Ordinal));
            Assert.Equal("LoggedIn", found.GetProperty("state").GetString());
        });
        return found;
    }

    /// <summary>The next <paramref name="name"/> event about session <paramref name="sessionId"/>, skipping others.</summary>
    private static async Task<ServerEvent> NextAboutAsync(EventStreamReader stream, long sessionId, string name)
    {
        while (true)
        {
            var next = await stream.NextAsync(TimeSpan.FromSeconds(10));
            Assert.NotNull(next);
            if (next.Name == name && next.Json.GetProperty("id").GetInt64() == sessionId)
            {
                return next;
            }
        }
    }

    /// <summary>How long after now node B starts refusing <paramref name="from"/> (polled every 50 ms, up to 10 s).</summary>
    private static async Task<TimeSpan> RefusedWithinAsync(IPEndPoint node, string from)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            using (var tcp = new System.Net.Sockets.TcpClient(new IPEndPoint(IPAddress.Parse(from), 0)))
            {
                await tcp.ConnectAsync(node);
                var greeting = await new StreamReader(tcp.GetStream()).ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
                if (greeting?.StartsWith("421", StringComparison.Ordinal) == true)
                {
                    return clock.Elapsed;
                }
            }
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }
}
