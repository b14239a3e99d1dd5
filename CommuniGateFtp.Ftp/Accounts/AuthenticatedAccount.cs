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
}
