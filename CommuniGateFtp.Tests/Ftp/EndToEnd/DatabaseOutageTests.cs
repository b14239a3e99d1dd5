using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CommuniGateFtp.Ftp.Cluster;
using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Tests.Admin;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>
/// The database paused (SIGSTOP) or crashed under live sessions (issue 17): logins get <c>421</c> within 10 s instead of
/// hanging, a logged-in session gets <c>451</c> for what needs the database and keeps transferring its own files, and the
/// service recovers by itself when the database is back; ending another node's session, which goes through the database,
/// is a clear 503 meanwhile. Each test has a PostgreSQL server of its own.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Password = "outage-pass-1";

    // Never logged in before the outage, so the node has nothing of it in memory: its login needs the database. (A repeat
    // login of an account the node knows may be answered from memory meanwhile: Accounts.LoginCache.)
    private const string Newcomer = "newcomer";
    private readonly OutageServiceFactory _service = new();

    public async ValueTask InitializeAsync()
    {
        await _service.InitializeAsync();
        await _service.CreateFtpAccountAsync("steady", Password);
        await _service.CreateFtpAccountAsync(Newcomer, Password);
        TestFiles.Write(Path.Combine(_service.AccountRoot("steady"), "keep.bin"), 300_000);
    }

    public async ValueTask DisposeAsync()
    {
        await _service.Database.ContinueAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task A_paused_database_costs_a_login_421_within_10_seconds_and_a_session_451()
    {
        await using var session = await RawFtpClient.ConnectAsync(_service.FtpPort, "steady", Password);
        Assert.StartsWith("200", await session.CommandAsync("TYPE I"));

        await _service.Database.PauseAsync();

        var clock = Stopwatch.StartNew();
        Assert.Equal("421 Service not available, closing control connection", await LoginReplyAsync(Newcomer));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"421 after {clock.Elapsed}");
        Assert.StartsWith("451", await session.CommandAsync("MKD fresh"));
        Assert.StartsWith("226", await DownloadAsync(session, "keep.bin", 300_000));
        Assert.Contains(_service.Services.GetRequiredService<FtpLogBook>().Recent(),
            r => r.Level == CgpLogLevel.Failures && r.Text.StartsWith("database unavailable"));

        await _service.Database.ContinueAsync();

        await Eventually.HoldsAsync(async () => Assert.StartsWith("230", await LoginReplyAsync()));
        Assert.StartsWith("257", await session.CommandAsync("MKD fresh"));
        Assert.Contains(_service.Services.GetRequiredService<FtpLogBook>().Recent(),
            r => r.Level == CgpLogLevel.Failures && r.Text == "database available again");
    }

    [Fact]
    public async Task A_crashed_database_costs_logins_421_and_the_service_recovers_when_it_returns()
    {
        await using var session = await RawFtpClient.ConnectAsync(_service.FtpPort, "steady", Password);

        await _service.Database.CrashAsync();

        Assert.Equal("421 Service not available, closing control connection", await LoginReplyAsync(Newcomer));
        Assert.StartsWith("451", await session.CommandAsync("MKD fresh"));
        // A known account as well, within the 10 s: the crash ends the node's listening connection, and while it is not
        // listening the node answers no login from memory (Accounts.LoginCache).
        var crashed = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => Assert.Equal("421 Service not available, closing control connection", await LoginReplyAsync()));
        Assert.True(crashed.Elapsed < TimeSpan.FromSeconds(10), $"a known account's login still answered from memory after {crashed.Elapsed}");

        await _service.Database.StartAgainAsync();

        await Eventually.HoldsAsync(async () => Assert.StartsWith("230", await LoginReplyAsync()));
        Assert.StartsWith("257", await session.CommandAsync("MKD fresh"));
        using var http = _service.CreateClient();
        await Eventually.HoldsAsync(async () => Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode));
    }

    [Fact]
    public async Task Disconnecting_another_nodes_session_while_the_database_is_paused_is_a_503_problem()
    {
        // Another node, as its heartbeat and one session's summary would publish them.
        const long node = 77;
        var id = ClusterIdentity.IdsAfter(node) + 1;
        var summary = JsonSerializer.Serialize(SessionBoardTests.Session(id) with { Node = "other-node" }, JsonSerializerOptions.Web);
        await using (var connection = new NpgsqlConnection(_service.ConnectionString))
        {
            await connection.OpenAsync();
            await using var publish = new NpgsqlCommand("""
                INSERT INTO cluster_nodes ("Number", "Name", "StartedAt", "HeartbeatAt", "Listeners") VALUES (@node, 'other-node', now(), now() + interval '1 minute', '[]');
                INSERT INTO cluster_sessions ("Id", "NodeNumber", "Summary") VALUES (@id, @node, @summary::jsonb);
                """, connection);
            publish.Parameters.AddWithValue("node", node);
            publish.Parameters.AddWithValue("id", id);
            publish.Parameters.AddWithValue("summary", summary);
            await publish.ExecuteNonQueryAsync();
        }
        using var admin = await _service.CreateAdminClientAsync();
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/sessions");
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetInt64() == id && s.GetProperty("node").GetString() == "other-node");

        await _service.Database.PauseAsync();

        var answer = await admin.DeleteAsync($"/api/sessions/{id}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
        Assert.Contains("another node", problem.GetProperty("detail").GetString());
    }

    // The final reply of a new connection's login: 230, or the refusal that replaced it.
    private async Task<string> LoginReplyAsync(string name = "steady")
    {
        await using var client = await RawFtpClient.ConnectAsync(_service.FtpPort);
        var user = await client.CommandAsync($"USER {name}");
        return user.StartsWith("331") ? await client.CommandAsync($"PASS {Password}") : user;
    }

    private static async Task<string> DownloadAsync(RawFtpClient session, string name, int size)
    {
        var port = RawFtpClient.EpsvPort(await session.CommandAsync("EPSV"));
        using var data = new TcpClient();
        await data.ConnectAsync(IPAddress.Loopback, port);
        Assert.StartsWith("150", await session.CommandAsync($"RETR {name}"));
        var received = new MemoryStream();
        await data.GetStream().CopyToAsync(received);
        Assert.Equal(size, received.Length);
        return await session.ReadReplyAsync() ?? "(closed)";
    }

    private sealed class OutageServiceFactory : FtpServiceFactory
    {
        public PostgresServer Database { get; private set; } = null!;

        protected override async Task<string> CreateDatabaseAsync()
        {
            Database = await PostgresServer.StartAsync(durable: true);
            return await Database.CreateDatabaseAsync();
        }
    }
}
