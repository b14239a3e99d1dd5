namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// What a login needs of an account and its Domain (SES-PASS): the credential, the enabled flags and services, and who
/// the account is once admitted. Read in one query, and kept by <see cref="LoginCache"/> between logins.
/// </summary>
public sealed record LoginRecord(int Id, string Name, string Domain, string PasswordHash, bool Enabled, bool DomainEnabled,
    IReadOnlyList<string> EnabledServices, bool IsAdministrator, bool IsDomainAdministrator)
{
    /// <summary>True when the account may use <paramref name="service"/> (case-insensitive).</summary>
    public bool HasService(string service) => EnabledServices.Contains(service, StringComparer.OrdinalIgnoreCase);

    /// <summary>SES-PASS's checks after the credential: Domain and account enabled, the service enabled.</summary>
    public LoginResult Admit(string? service)
    {
        if (!DomainEnabled)
        {
            return LoginResult.Fail(LoginFailure.DomainDisabled);
        }
        if (!Enabled)
        {
            return LoginResult.Fail(LoginFailure.AccountDisabled);
        }
        if (service is not null && !HasService(service))
        {
            return LoginResult.Fail(LoginFailure.ServiceDisabled);
        }
        return LoginResult.Success(new AuthenticatedAccount(Id, Name, Domain, IsAdministrator) { IsDomainAdministrator = IsDomainAdministrator });
    }
}
