using Microsoft.AspNetCore.Authorization;

namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>
/// The management API's authorization policies. Every protected route carries exactly one of the two route policies
/// (<see cref="ServerAdministrator"/> or <see cref="DomainAdministrator"/>; the security tests enforce it); the other two
/// are asked by handlers about a resource from the request's body.
/// </summary>
public static class ManagementPolicies
{
    /// <summary>Server settings, listeners, domains' creation and settings, the blacklist, the log and the stats.</summary>
    public const string ServerAdministrator = "Administrator";

    /// <summary>Routes about one Domain's accounts, groups, rights, files, or about sessions and transfers (scoped).</summary>
    public const string DomainAdministrator = "DomainAdministrator";

    /// <summary>Asked with an <see cref="AccountChange"/>.</summary>
    public const string AccountChange = "AccountChange";

    /// <summary>Asked with an <see cref="AclChange"/>.</summary>
    public const string AclChange = "AclChange";

    public static AuthorizationBuilder AddManagementPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ServerAdministrator, policy => policy.RequireAuthenticatedUser().RequireClaim(AccessTokenIssuer.AdministratorClaim, "true"))
        .AddPolicy(DomainAdministrator, policy => policy.RequireAuthenticatedUser().AddRequirements(new DomainScopeRequirement()))
        .AddPolicy(AccountChange, policy => policy.RequireAuthenticatedUser().AddRequirements(new AccountChangeRequirement()))
        .AddPolicy(AclChange, policy => policy.RequireAuthenticatedUser().AddRequirements(new AclChangeRequirement()));
}
