namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// The outcome of a login. The failure reason is for the log only: clients always get the same answer (SEC-NOENUM).
/// </summary>
public sealed record LoginResult(AuthenticatedAccount? Account, LoginFailure Failure)
{
    public bool Succeeded => Account is not null;

    public static LoginResult Success(AuthenticatedAccount account) => new(account, LoginFailure.None);

    public static LoginResult Fail(LoginFailure failure) => new(null, failure);
}

/// <summary>Why a login failed.</summary>
public enum LoginFailure
{
    None,
    UnknownAccount,
    DomainDisabled,
    AccountDisabled,
    ServiceDisabled,
    BadPassword,
}
