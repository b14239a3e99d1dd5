using System.Security.Claims;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>
/// Who calls the management API, read from the token's claims: a server administrator, or the administrator of one
/// Domain. Routes that are not about one Domain (lists, the sessions feed) take it as a parameter and show only what it
/// <see cref="Sees(string)"/>; checks against a resource go through the authorization policies (<see cref="RefusalAsync"/>).
/// </summary>
public sealed class ManagementCaller
{
    private readonly ClaimsPrincipal _user;
    private readonly IAuthorizationService? _authorization;

    private ManagementCaller(ClaimsPrincipal user, IAuthorizationService? authorization)
    {
        (_user, _authorization) = (user, authorization);
        IsServerAdministrator = user.HasClaim(AccessTokenIssuer.AdministratorClaim, "true");
        var domain = user.FindFirst(AccessTokenIssuer.DomainClaim)?.Value;
        Domain = domain is null ? null : DomainName.Normalize(domain);
        IsDomainAdministrator = !IsServerAdministrator && Domain is not null
            && user.HasClaim(AccessTokenIssuer.RoleClaim, ManagementRoles.DomainAdministrator);
    }

    public bool IsServerAdministrator { get; }

    /// <summary>True for the administrator of <see cref="Domain"/> only (never for a server administrator).</summary>
    public bool IsDomainAdministrator { get; }

    /// <summary>The caller's own Domain, from its token.</summary>
    public string? Domain { get; }

    /// <summary>The caller as claims alone (the authorization handlers' view); <see cref="RefusalAsync"/> is not available.</summary>
    public static ManagementCaller Of(ClaimsPrincipal user) => new(user, null);

    /// <summary>Minimal API binding: a handler parameter of this type is the request's caller.</summary>
    public static ValueTask<ManagementCaller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<ManagementCaller?>(new(context.User, context.RequestServices.GetRequiredService<IAuthorizationService>()));

    /// <summary>True when the caller administers <paramref name="domain"/>.</summary>
    public bool Sees(string domain) => IsServerAdministrator || (IsDomainAdministrator && DomainName.Normalize(domain) == Domain);

    /// <summary>True when the caller administers the Domain of the session's account (sessions before login: servers only).</summary>
    public bool Sees(FtpSession session) => IsServerAdministrator || (session.Account is { } account && Sees(account.Domain));

    /// <summary>True when the caller administers the Domain of <paramref name="address"/> (<c>name@domain</c>; null: servers only).</summary>
    public bool SeesAddress(string? address) => IsServerAdministrator || (address?.LastIndexOf('@') is int at and >= 0 && Sees(address[(at + 1)..]));

    /// <summary>
    /// Null when <paramref name="policy"/> allows the caller <paramref name="resource"/> (resource-based authorization),
    /// else the <c>403</c> to answer, saying why.
    /// </summary>
    public async Task<ProblemHttpResult?> RefusalAsync(object resource, string policy)
    {
        var authorization = _authorization ?? throw new InvalidOperationException("Bound without the authorization service.");
        var result = await authorization.AuthorizeAsync(_user, resource, policy);
        return result.Succeeded ? null
            : ApiProblems.Forbidden(result.Failure?.FailureReasons.FirstOrDefault()?.Message ?? $"You administer the domain '{Domain}' only.");
    }
}
