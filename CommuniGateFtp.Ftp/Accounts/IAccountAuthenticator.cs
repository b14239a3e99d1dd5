namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>Checks a login name and password (SES-PASS).</summary>
public interface IAccountAuthenticator
{
    /// <param name="service">An Enabled Service the account must have (e.g. <c>FTP</c>), or null for none.</param>
    Task<LoginResult> AuthenticateAsync(LoginName login, string password, string? service, CancellationToken cancellationToken);

    /// <summary>SES-ANON: the anonymous caller of <paramref name="domain"/> (null: the Main Domain), or null when that Domain is unknown or disabled.</summary>
    Task<AuthenticatedAccount?> AnonymousAsync(string? domain, CancellationToken cancellationToken);

    /// <summary>NET-DOMAINIP: the Domain that owns the local address a client connected to, or null (then the Main Domain).</summary>
    Task<string?> DomainOwningAsync(System.Net.IPAddress localAddress, CancellationToken cancellationToken);

    /// <summary>CMD-HOST: true when <paramref name="domain"/> (normalised) is a Domain that exists and is enabled.</summary>
    Task<bool> DomainServesAsync(string domain, CancellationToken cancellationToken);
}
