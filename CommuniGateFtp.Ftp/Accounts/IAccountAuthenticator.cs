namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>Checks a login name and password (SES-PASS).</summary>
public interface IAccountAuthenticator
{
    /// <param name="service">An Enabled Service the account must have (e.g. <c>FTP</c>), or null for none.</param>
    Task<LoginResult> AuthenticateAsync(LoginName login, string password, string? service, CancellationToken cancellationToken);

    /// <summary>
    /// GSS-USER: the account <paramref name="login"/> names when it may log in without a password — it exists, it and its
    /// Domain are enabled, and it has <paramref name="service"/>; otherwise a failure, as for a wrong password.
    /// </summary>
    Task<LoginResult> AuthorizeAsync(LoginName login, string service, CancellationToken cancellationToken);

    /// <summary>SES-ANON: the anonymous caller of <paramref name="domain"/> (null: the Main Domain), or null when that Domain is unknown or disabled.</summary>
    Task<AuthenticatedAccount?> AnonymousAsync(string? domain, CancellationToken cancellationToken);

    /// <summary>NET-DOMAINIP: the Domain that owns the local address a client connected to, or null (then the Main Domain).</summary>
    Task<string?> DomainOwningAsync(System.Net.IPAddress localAddress, CancellationToken cancellationToken);

    /// <summary>CMD-HOST: true when <paramref name="domain"/> (normalised) is a Domain that exists and is enabled.</summary>
    Task<bool> DomainServesAsync(string domain, CancellationToken cancellationToken);
}
