using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// The real Ftp service on real sockets: Kestrel on a free port for the API, the FTP listener on another, a fresh
/// database on the test PostgreSQL server. One per test class (xunit class fixture).
/// </summary>
// Any type of the Ftp assembly names its entry point; Program is ambiguous beside the AppHost's.
public class FtpServiceFactory : WebApplicationFactory<FtpConnectionHandler>, IAsyncLifetime
{
    public const string MainDomain = "test.example";
    public const string AdminPassword = "Admin-Password-1";

    private string _connectionString = "";
    private string? _adminToken;

    /// <summary>This fixture's own database.</summary>
    public string ConnectionString => _connectionString;

    public int FtpPort { get; private set; }

    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("cgftp-storage-").FullName;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        // StartServer waits for the host synchronously: never on a socket event thread (with inline socket completions
        // the database's answer above may have brought this method onto one), whose sockets the host's start needs.
        await SocketEventThread.LeaveAsync();
        UseKestrel(0);
        StartServer();
        var bound = await Services.GetRequiredService<FtpListenerService>().BoundEndPoint;
        FtpPort = ((IPEndPoint)bound).Port;
        using var admin = await CreateAdminClientAsync();
        (await admin.PutAsJsonAsync("/api/settings/ftp", InitialSettings)).EnsureSuccessStatusCode();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:ftpdb", _connectionString);
        builder.UseSetting("Ftp:Port", TestPorts.ControlPort().ToString());
        builder.UseSetting("Ftp:MainDomain", MainDomain);
        builder.UseSetting("Ftp:AdminPassword", AdminPassword);
        builder.UseSetting("Ftp:StorageRoot", StorageRoot);
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The fixture's database: a new one on the shared test server unless a derived fixture brings its own.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestPostgres.CreateDatabaseAsync();

    /// <summary>Start-up options a derived fixture changes, e.g. a certificate.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    /// <summary>
    /// The live settings the fixture starts with (through the API): short login-failure delays, and this host's own
    /// addresses as White Hole, so that tests that fail logins or open many sessions at once never blacklist or limit the
    /// loopback client the next test uses (the blacklist tests use a fixture of their own).
    /// </summary>
    protected virtual FtpServerSettings InitialSettings => new()
    {
        LoginFailureDelay = TimeSpan.FromMilliseconds(50),
        UnblacklistableIps = "127.0.0.1\n::1",
    };

    /// <summary>PUTs the fixture's initial live settings changed by <paramref name="change"/> (null: as they were) through the API.</summary>
    public async Task ApplySettingsAsync(Func<FtpServerSettings, FtpServerSettings>? change = null)
    {
        using var admin = await CreateAdminClientAsync();
        (await admin.PutAsJsonAsync("/api/settings/ftp", change is null ? InitialSettings : change(InitialSettings))).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// A client of the management API carrying postmaster's bearer token. The token is asked for once per fixture (it is
    /// valid for hours), as the WebAdmin does: the token route is rate-limited.
    /// </summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateClient();
        if (_adminToken is null)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { username = $"postmaster@{MainDomain}", password = AdminPassword });
            response.EnsureSuccessStatusCode();
            _adminToken = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    /// <summary>Creates an FTP-enabled account in the Main Domain through the API, unless it exists already.</summary>
    public async Task CreateFtpAccountAsync(string name, string password)
    {
        using var admin = await CreateAdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/accounts", new { name, domain = MainDomain, password });
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The account's File Storage directory on disk.</summary>
    public string AccountRoot(string name) => Path.Combine(StorageRoot, MainDomain, name);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(StorageRoot, recursive: true);
    }

    private sealed record TokenBody(string AccessToken);
}
