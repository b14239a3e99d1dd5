using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Admin.Services;

/// <summary>
/// <c>POST /account/login</c> and <c>/account/logout</c>: the WebAdmin signs in by asking the Ftp service for an API
/// token with the administrator's credentials, and keeps that token in its (encrypted) authentication cookie, with the
/// role the API gave (<see cref="ManagementRoles"/>) and the administrator's Domain, which the pages and the menu read.
/// </summary>
public static class AdminSignInEndpoints
{
    public static IEndpointRouteBuilder MapAdminSignIn(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/account");
        group.MapPost("/login", LoginAsync);
        group.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("~/login");
        });
        return routes;
    }

    /// <summary>The cookie's claim holding the signed-in administrator's Domain.</summary>
    public const string DomainClaim = "cgftp_domain";

    private static async Task<IResult> LoginAsync([FromForm] string username, [FromForm] string password, [FromForm] string? returnUrl,
        FtpApiClient api, HttpContext context)
    {
        var target = IsLocal(returnUrl) ? "~/" + returnUrl!.TrimStart('/') : "~/";
        TokenResponse? token;
        try
        {
            token = await api.RequestTokenAsync(username, password, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            // The Ftp service is away (restarting): say so rather than answer 500.
            return TypedResults.LocalRedirect($"~/login?error=unavailable&returnUrl={Uri.EscapeDataString(returnUrl ?? "")}");
        }
        if (token is null)
        {
            return TypedResults.LocalRedirect($"~/login?error=1&returnUrl={Uri.EscapeDataString(returnUrl ?? "")}");
        }
        var identity = new ClaimsIdentity([
            new Claim(ClaimTypes.Name, username.Trim()),
            new Claim(FtpApiClient.AccessTokenClaim, token.AccessToken),
            // An API from before roles issued tokens to server administrators only.
            new Claim(ClaimTypes.Role, token.Role ?? ManagementRoles.ServerAdministrator),
            .. token.Domain is null ? [] : new[] { new Claim(DomainClaim, token.Domain) },
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(target);
    }

    // Only paths of this site: an open redirect would let a link send a fresh administrator elsewhere.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal) && !url.Contains(':', StringComparison.Ordinal);
}
