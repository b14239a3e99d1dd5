namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>
/// What a management API token lets its holder administer, carried in the token's <c>cgftp_role</c> claim (with the
/// account's Domain in <c>cgftp_domain</c>). CGP: the Master right (server administrator) and Domain Administration.
/// </summary>
public static class ManagementRole
{
    /// <summary>A server administrator: every route, every Domain.</summary>
    public const string ServerAdministrator = "server-administrator";

    /// <summary>A Domain administrator: its own Domain's accounts, groups, rights, files and sessions only.</summary>
    public const string DomainAdministrator = "domain-administrator";

    /// <summary>Any other account: no management route at all (the token route does not issue such tokens).</summary>
    public const string User = "user";
}
