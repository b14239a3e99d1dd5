using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>POST /api/auth/token</c>: server administrators and Domain administrators (enabled accounts with
/// <c>isDomainAdministrator</c>) exchange their password for a bearer token saying which they are. Guarded like FTP logins:
/// rate limits per client address and per account name (<see cref="TokenRateLimits"/>), <c>429</c> with
/// <c>Retry-After</c> for temporarily blacklisted addresses, and every refusal counted toward the temporary blacklist.
/// </summary>
public static class AuthApi
{
    // The refusal is answered once counted, so that the next request already meets a block; never later than this.
    private static readonly TimeSpan CountingWait = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/auth").WithTags("Auth").MapPost("/token", IssueTokenAsync).AllowAnonymous()
            .RequireRateLimiting(TokenRateLimits.PerAddressPolicy);
        return routes;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, HttpContext http, IAccountAuthenticator authenticator, AccessTokenIssuer issuer, TemporaryBlacklist blacklist,
        TokenRateLimits limits, LiveSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["username"] = ["username and password are required."],
            });
        }
        var address = http.Connection.RemoteIpAddress is { } remote ? ClientAddress.Normalize(remote) : null;
        if (address is not null && blacklist.IsBlocked(address, out var until))
        {
            return TooManyRequests(http.Response, until - time.GetUtcNow(), "Your address is temporarily blacklisted after too many failures.");
        }
        var parsed = LoginName.TryParse(request.Username, out var login);
        var limited = parsed && !(address is not null && blacklist.IsUnblacklistable(address));
        if (limited)
        {
            using var lease = limits.CheckAccount(login!.Account, settings.Current.TokenRequestsPerAccount);
            if (!lease.IsAcquired)
            {
                return TooManyRequests(http.Response, TokenRateLimits.RetryAfter(lease), "Too many failed token requests for this account name.");
            }
        }
        if (parsed && await authenticator.AuthenticateAsync(login!, request.Password, service: null, cancellationToken) is { Account: { } account }
            && (account.IsAdministrator || account.IsDomainAdministrator))
        {
            return TypedResults.Ok(new TokenResponse(issuer.Issue(account), "Bearer", (int)AccessTokenIssuer.Lifetime.TotalSeconds,
                AccessTokenIssuer.RoleOf(account), account.Domain));
        }
        if (limited)
        {
            limits.ChargeFailure(login!.Account, settings.Current.TokenRequestsPerAccount);
        }
        if (address is not null)
        {
            await blacklist.ReportAsync(address, $"management API token for {login?.ToString() ?? "(invalid name)"} refused")
                .WaitAsync(CountingWait, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        // One answer for every failure: no account enumeration through the API either.
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login incorrect",
            detail: "The name or password is wrong, or the account is not an administrator.");
    }

    private static ProblemHttpResult TooManyRequests(HttpResponse response, TimeSpan wait, string detail)
    {
        TokenRateLimits.SetRetryAfter(response, wait);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail);
    }
}
