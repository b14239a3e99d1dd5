namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>Who a session or an API caller is after a successful login.</summary>
public sealed record AuthenticatedAccount(int Id, string Name, string Domain, bool IsAdministrator)
{
    /// <summary><c>name@domain</c>.</summary>
    public string Address => $"{Name}@{Domain}";
}
