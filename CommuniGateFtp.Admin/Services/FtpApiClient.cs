using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Admin.Services;

/// <summary>
/// Typed client of the Ftp service's management API (<c>http://ftp</c> through service discovery, with the standard
/// resilience handler). Each call carries the signed-in administrator's bearer token.
/// </summary>
public sealed class FtpApiClient(HttpClient http, AuthenticationStateProvider authentication)
{
    public const string AccessTokenClaim = "access_token";

    /// <summary>Exchanges an administrator's credentials for an API token; null when refused.</summary>
    public async Task<string?> RequestTokenAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, password), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token?.AccessToken;
    }

    public Task<List<AccountModel>> GetAccountsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<AccountModel>>(HttpMethod.Get, "/api/accounts", null, cancellationToken)!;

    public Task<List<DomainModel>> GetDomainsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<DomainModel>>(HttpMethod.Get, "/api/domains", null, cancellationToken)!;

    public Task<AccountModel> CreateAccountAsync(AccountChange change, CancellationToken cancellationToken = default) =>
        SendAsync<AccountModel>(HttpMethod.Post, "/api/accounts", change, cancellationToken)!;

    public Task<AccountModel> UpdateAccountAsync(string domain, string name, AccountChange change, CancellationToken cancellationToken = default) =>
        SendAsync<AccountModel>(HttpMethod.Put, AccountPath(domain, name), change, cancellationToken)!;

    public Task DeleteAccountAsync(string domain, string name, CancellationToken cancellationToken = default) =>
        SendAsync<object>(HttpMethod.Delete, AccountPath(domain, name), null, cancellationToken);

    private static string AccountPath(string domain, string name) => $"/api/accounts/{Uri.EscapeDataString(domain)}/{Uri.EscapeDataString(name)}";

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.FindFirst(AccessTokenClaim)?.Value);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new FtpApiException(response.StatusCode, await DescribeAsync(response, cancellationToken));
        }
        return response.Content.Headers.ContentLength == 0 || typeof(T) == typeof(object)
            ? default
            : await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(cancellationToken);
            if (problem?.Errors.Count > 0)
            {
                return string.Join(" ", problem.Errors.SelectMany(e => e.Value));
            }
            return problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "The request failed.";
        }
        catch (JsonException)
        {
            return $"The management API answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        }
    }
}
