using CommuniGateFtp.Ftp.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>
/// The caller administers the Domain in question: a server administrator every Domain, a Domain administrator its own.
/// The Domain comes from the route's <c>{domain}</c> value (the middleware passes the <see cref="HttpContext"/>) or
/// from a <see cref="ManagedDomain"/> a handler names. A route without <c>{domain}</c> admits both kinds of
/// administrator and must scope its answer itself (<see cref="ManagementCaller.Sees(string)"/>); the security tests
/// hold the list of such routes.
/// </summary>
public sealed class DomainScopeRequirement : AuthorizationHandler<DomainScopeRequirement>, IAuthorizationRequirement
{
    public const string RouteValue = "domain";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DomainScopeRequirement requirement)
    {
        var caller = ManagementCaller.Of(context.User);
        var domain = context.Resource switch
        {
            ManagedDomain named => named.Name,
            HttpContext http => http.GetRouteValue(RouteValue) as string,
            _ => null,
        };
        var scoped = context.Resource is ManagedDomain || domain is not null;
        if (caller.IsServerAdministrator || (caller.IsDomainAdministrator && (!scoped || (domain is not null && caller.Sees(domain)))))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
