using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Management.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommuniGateFtp.Ftp.Management;

/// <summary><c>POST /api/auth/token</c>: administrators exchange their password for a bearer token.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/auth").WithTags("Auth").MapPost("/token", IssueTokenAsync).AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, IAccountAuthenticator authenticator, AccessTokenIssuer issuer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["username"] = ["username and password are required."],
            });
        }
        if (LoginName.TryParse(request.Username, out var login)
            && await authenticator.AuthenticateAsync(login!, request.Password, service: null, cancellationToken) is { Account: { IsAdministrator: true } account })
        {
            return TypedResults.Ok(new TokenResponse(issuer.Issue(account), "Bearer", (int)AccessTokenIssuer.Lifetime.TotalSeconds));
        }
        // One answer for every failure: no account enumeration through the API either.
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login incorrect",
            detail: "The name or password is wrong, or the account is not an administrator.");
    }
}
