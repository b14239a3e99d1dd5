using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Management;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>
/// The management API from outside, on every route it maps: only an administrator's valid token passes; the API issues
/// tokens to administrators only, so a non-administrator token has to be minted here with the server's own key. Every
/// protected route carries one of the two route policies; a Domain administrator reaches the Domain routes of its own
/// Domain and the scoped routes, and gets 403 on server routes and on other Domains' routes.
/// </summary>
public sealed class ManagementSecurityTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private static readonly AuthenticatedAccount PlainUser = new(2, "plain", FtpServiceFactory.MainDomain, IsAdministrator: false);

    private IReadOnlyList<ManagementRoute> Routes => ManagementRoute.Of(service.Services);

    [Fact]
    public void Only_the_token_route_openapi_and_health_checks_are_open_to_anonymous_callers()
    {
        Assert.Equal(["GET /alive", "GET /health", "GET /openapi/{documentName}.json", "POST /api/auth/token"],
            Routes.Where(r => !r.RequiresAuthorization).Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The routes a Domain administrator reaches without a <c>{domain}</c> in the path: each scopes its answer to the
    /// caller's Domain in its handler. A new route under the domain policy without <c>{domain}</c> fails here until its
    /// handler scopes and it is added to this list.
    /// </summary>
    private static readonly string[] ScopedInHandler =
    [
        "DELETE /api/sessions/{id:long}", "GET /api/accounts/", "GET /api/domains/", "GET /api/sessions/", "GET /api/sessions/stream",
        "GET /api/sessions/{id:long}/log/stream", "GET /api/transfers/recent", "POST /api/accounts/",
    ];

    [Fact]
    public void Every_protected_route_carries_exactly_one_route_policy()
    {
        var routes = Routes.Where(r => r.RequiresAuthorization).ToList();
        Assert.All(routes, r => Assert.True(r.Policies is ManagementPolicies.ServerAdministrator or ManagementPolicies.DomainAdministrator,
            $"{r}: policies '{r.Policies}'"));
    }

    [Fact]
    public void Domain_routes_name_their_domain_in_the_path_or_scope_their_answer()
    {
        var unscoped = Routes.Where(r => r.Policies == ManagementPolicies.DomainAdministrator && !r.NamesDomain).Select(r => r.ToString());
        Assert.Equal(ScopedInHandler.Order(StringComparer.Ordinal), unscoped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Server_settings_listeners_domain_changes_blacklist_log_and_stats_are_for_server_administrators_only()
    {
        var serverOnly = Routes.Where(r => r.Policies == ManagementPolicies.ServerAdministrator).Select(r => r.ToString()).ToList();
        foreach (var expected in new[] { "GET /api/settings/ftp", "PATCH /api/settings/ftp", "PUT /api/settings/ftp/listener", "POST /api/domains/",
            "PUT /api/domains/{domain}", "PATCH /api/domains/{domain}", "GET /api/blacklist/temporary", "GET /api/log/stream", "GET /api/stats" })
        {
            Assert.Contains(expected, serverOnly);
        }
        Assert.DoesNotContain(serverOnly, r => r.Contains("/api/accounts", StringComparison.Ordinal) || r.Contains("/api/sessions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_domain_administrator_token_gets_403_on_every_server_route_and_on_every_route_of_another_domain()
    {
        var token = Issuer(TimeProvider.System).Issue(PlainUser with { Domain = "elsewhere.example", IsDomainAdministrator = true });
        await AssertRoutesAnswerAsync(token, r => r.Policies == ManagementPolicies.ServerAdministrator || r.NamesDomain, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_domain_administrator_token_reads_every_domain_route_of_its_own_domain_and_every_scoped_route()
    {
        var token = Issuer(TimeProvider.System).Issue(PlainUser with { IsDomainAdministrator = true });
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var reads = Routes.Where(r => r is { Method: "GET", Policies: ManagementPolicies.DomainAdministrator }).ToList();
        Assert.True(reads.Count >= 8, $"only {reads.Count} domain reads found");
        foreach (var route in reads)
        {
            using var response = await client.GetAsync(route.Path(FtpServiceFactory.MainDomain) + "?path=/&who=postmaster", HttpCompletionOption.ResponseHeadersRead);
            Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{route}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_non_administrator_token_signed_by_the_server_gets_403_on_every_protected_route()
    {
        var token = Issuer(TimeProvider.System).Issue(PlainUser);
        await AssertEveryProtectedRouteAnswersAsync(token, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_gets_401_on_every_protected_route()
    {
        var otherKey = new TokenSigningKey { Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) };
        var token = new AccessTokenIssuer(otherKey, TimeProvider.System).Issue(PlainUser with { IsAdministrator = true });
        await AssertEveryProtectedRouteAnswersAsync(token, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_claims_were_changed_to_administrator_gets_401_on_every_protected_route()
    {
        var parts = Issuer(TimeProvider.System).Issue(PlainUser).Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        Assert.Contains("\"cgftp_admin\":\"false\"", payload);
        parts[1] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("\"cgftp_admin\":\"false\"", "\"cgftp_admin\":\"true\"")));
        await AssertEveryProtectedRouteAnswersAsync(string.Join('.', parts), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_administrator_token_gets_401_on_every_protected_route()
    {
        var nineHoursAgo = new FixedClock(DateTimeOffset.UtcNow - AccessTokenIssuer.Lifetime - TimeSpan.FromHours(1));
        var token = Issuer(nineHoursAgo).Issue(PlainUser with { IsAdministrator = true });
        await AssertEveryProtectedRouteAnswersAsync(token, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_administrator_token_gets_401_on_every_protected_route()
    {
        var parts = Issuer(TimeProvider.System).Issue(PlainUser with { IsAdministrator = true }).Split('.');
        var none = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        await AssertEveryProtectedRouteAnswersAsync($"{none}.{parts[1]}.", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_token_route_refuses_a_non_administrator_with_the_same_answer_as_a_wrong_password()
    {
        using var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("notadmin", "notadmin-pass-1");
        using var anonymous = service.CreateClient();
        var refused = await anonymous.PostAsync("/api/auth/token", Json("""{"username": "notadmin", "password": "notadmin-pass-1"}"""));
        var wrong = await anonymous.PostAsync("/api/auth/token", Json("""{"username": "notadmin", "password": "wrong-pass-1"}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var (refusedBody, wrongBody) = (await refused.Content.ReadFromJsonAsync<JsonElement>(), await wrong.Content.ReadFromJsonAsync<JsonElement>());
        foreach (var member in new[] { "status", "title", "detail" })
        {
            Assert.Equal(wrongBody.GetProperty(member).ToString(), refusedBody.GetProperty(member).ToString());
        }
    }

    [Fact]
    public async Task No_get_route_shows_a_password_hash()
    {
        await service.CreateFtpAccountAsync("hashed", "hashed-pass-1");
        Assert.All(await StoredHashesAsync(), hash => Assert.StartsWith("AQAAAA", hash)); // what a leak would look like
        using var admin = await service.CreateAdminClientAsync();
        foreach (var route in Routes.Where(r => r is { Method: "GET", RequiresAuthorization: true }))
        {
            var body = await ReadSomeAsync(admin, route.Path(FtpServiceFactory.MainDomain) + "?path=/&who=postmaster");
            Assert.DoesNotContain("AQAAAA", body, StringComparison.Ordinal);
            Assert.DoesNotContain("passwordHash", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private AccessTokenIssuer Issuer(TimeProvider clock) => new(service.Services.GetRequiredService<TokenSigningKey>(), clock);

    private Task AssertEveryProtectedRouteAnswersAsync(string token, HttpStatusCode expected) => AssertRoutesAnswerAsync(token, _ => true, expected);

    private async Task AssertRoutesAnswerAsync(string token, Func<ManagementRoute, bool> which, HttpStatusCode expected)
    {
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var protectedRoutes = Routes.Where(r => r.RequiresAuthorization && which(r)).ToList();
        Assert.True(protectedRoutes.Count >= 20, $"only {protectedRoutes.Count} protected routes found");
        foreach (var route in protectedRoutes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(FtpServiceFactory.MainDomain));
            if (route.Method is not ("GET" or "DELETE"))
            {
                request.Content = Json("{}");
            }
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.True(response.StatusCode == expected, $"{route}: {(int)response.StatusCode}, expected {(int)expected}");
        }
    }

    // A stream route never ends by itself: its first second is enough to see what it shows.
    private static async Task<string> ReadSomeAsync(HttpClient client, string path)
    {
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var body = new StringBuilder();
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, reading.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var buffer = new char[4096];
            int read;
            while ((read = await reader.ReadAsync(buffer, reading.Token)) > 0)
            {
                body.Append(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
        }
        return body.ToString();
    }

    private async Task<List<string>> StoredHashesAsync()
    {
        await using var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""SELECT "PasswordHash" FROM accounts""", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var hashes = new List<string>();
        while (await reader.ReadAsync())
        {
            hashes.Add(reader.GetString(0));
        }
        return hashes;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
