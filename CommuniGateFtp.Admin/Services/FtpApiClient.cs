using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Admin.Services;

/// <summary>
/// Typed client of the Ftp service's management API (<c>http://ftp</c> through service discovery, with the standard
/// resilience handler). Each call carries the signed-in administrator's bearer token; a refusal becomes an
/// <see cref="FtpApiException"/> with the API's problem text and field errors. One file per area (partial class).
/// </summary>
public sealed partial class FtpApiClient(HttpClient http, AccessTokenSource token)
{
    public const string AccessTokenClaim = AccessTokenSource.Claim;

    internal static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>Exchanges a server or Domain administrator's credentials for an API token and its role; null when refused.</summary>
    public async Task<TokenResponse?> RequestTokenAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, password), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        (await SendTaggedAsync<T>(method, path, body is null ? null : JsonContent.Create(body, options: Json), null, cancellationToken)).Value;

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body is null ? null : JsonContent.Create(body, options: Json), null, cancellationToken);
    }

    private async Task<Tagged<T>> SendTaggedAsync<T>(HttpMethod method, string path, HttpContent? content, string? ifMatch,
        CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, content, ifMatch, cancellationToken);
        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new FtpApiException(response.StatusCode, "The management API answered without a body.");
        return new Tagged<T>(value, response.Headers.ETag?.ToString());
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, string? ifMatch,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync());
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await ProblemAsync(response, cancellationToken);
        }
    }

    private static async Task<FtpApiException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new FtpApiException(response.StatusCode, "Your sign-in has expired; please log in again.");
        }
        try
        {
            // RFC 7807: a validation problem carries messages by member, other problems a title and detail.
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json, cancellationToken);
            if (problem?.Errors.Count > 0)
            {
                return new FtpApiException(response.StatusCode, string.Join(" ", problem.Errors.SelectMany(e => e.Value)), problem.Errors.AsReadOnly());
            }
            var text = string.IsNullOrEmpty(problem?.Detail) ? problem?.Title : problem.Detail;
            return new FtpApiException(response.StatusCode, text ?? $"The management API answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return new FtpApiException(response.StatusCode, $"The management API answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
