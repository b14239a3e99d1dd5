using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>
/// The Ftp service with two more Domains: <c>hosted.example</c>, administered by <c>boss</c> (a Domain administrator),
/// holding <c>alice</c>, <c>bob</c> and <c>root</c> (a server administrator who lives there), and <c>other.example</c>
/// holding <c>carol</c>. Clients carry real tokens from <c>POST /api/auth/token</c>.
/// </summary>
public sealed class DomainAdministratorService : FtpServiceFactory, IAsyncLifetime
{
    public const string Hosted = "hosted.example";
    public const string Other = "other.example";
    public const string Password = "Domain-Pass-1";

    private string? _bossToken;

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        using var admin = await CreateAdminClientAsync();
        foreach (var domain in new[] { Hosted, Other })
        {
            Created(await admin.PostAsJsonAsync("/api/domains", new { name = domain }));
        }
        foreach (var (name, domain, isAdministrator, isDomainAdministrator) in new[]
        {
            ("boss", Hosted, false, true), ("alice", Hosted, false, false), ("bob", Hosted, false, false), ("root", Hosted, true, false),
            ("carol", Other, false, false),
        })
        {
            Created(await admin.PostAsJsonAsync("/api/accounts", new { name, domain, password = Password, isAdministrator, isDomainAdministrator }));
        }
    }

    /// <summary>A client with <c>boss@hosted.example</c>'s token, asked once (the token route is rate-limited).</summary>
    public async Task<HttpClient> CreateDomainAdminClientAsync()
    {
        var client = CreateClient();
        if (_bossToken is null)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { username = $"boss@{Hosted}", password = Password });
            response.EnsureSuccessStatusCode();
            _bossToken = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _bossToken);
        return client;
    }

    /// <summary>The account's File Storage directory on disk.</summary>
    public string AccountRoot(string domain, string name) => Path.Combine(StorageRoot, domain, name);

    private static void Created(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }
}
