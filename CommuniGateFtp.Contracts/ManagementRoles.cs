namespace CommuniGateFtp.Contracts;

/// <summary>
/// What a management API token lets its holder administer (<see cref="TokenResponse.Role"/>, and the token's
/// <c>cgftp_role</c> claim). CGP: the Master right (server administrator) and Domain Administration.
/// </summary>
public static class ManagementRoles
{
    /// <summary>A server administrator: every route, every Domain.</summary>
    public const string ServerAdministrator = "server-administrator";

    /// <summary>A Domain administrator: its own Domain's accounts, groups, rights, files, sessions and transfers only.</summary>
    public const string DomainAdministrator = "domain-administrator";

    /// <summary>Any other account: no management route at all (the token route does not issue such tokens).</summary>
    public const string User = "user";
}
