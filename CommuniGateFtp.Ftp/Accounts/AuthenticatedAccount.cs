namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// Who a session or an API caller is after a successful login, with the administration rights that FS-WHO looks at.
/// </summary>
public sealed record AuthenticatedAccount(int Id, string Name, string Domain, bool IsAdministrator)
{
    /// <summary><c>name@domain</c>.</summary>
    public string Address => $"{Name}@{Domain}";

    /// <summary>A Domain administrator has every right on the File Storage of its Domain's accounts (FS-WHO).</summary>
    public bool IsDomainAdministrator { get; init; }

    /// <summary>SES-ANON: an anonymous session, which may only look and read outside <c>private</c>.</summary>
    public bool IsAnonymous { get; init; }

    /// <summary>SES-ANON: the login names that mean an anonymous session when anonymous access is allowed.</summary>
    public static bool IsAnonymousName(string name) => name is "anonymous" or "ftp";

    /// <summary>The anonymous caller of a Domain (references without a domain resolve in it).</summary>
    public static AuthenticatedAccount Anonymous(string domain) => new(0, "anonymous", domain, false) { IsAnonymous = true };
}
