using System.Security.Claims;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Contracts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// Issues the management API's bearer tokens (signed JWTs) for server and Domain administrators: the subject, whether it is
/// a server administrator, its <see cref="ManagementRoles"/> and its Domain, which the authorization policies read.
/// </summary>
public sealed class AccessTokenIssuer(TokenSigningKey signingKey, TimeProvider time)
{
    public const string Issuer = "CommuniGateFtp";
    public const string Audience = "CommuniGateFtp.Management";
    public const string AdministratorClaim = "cgftp_admin";
    public const string RoleClaim = "cgftp_role";
    public const string DomainClaim = "cgftp_domain";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public string Issue(AuthenticatedAccount account)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, account.Address),
                new Claim(AdministratorClaim, account.IsAdministrator ? "true" : "false"),
                new Claim(RoleClaim, RoleOf(account)),
                new Claim(DomainClaim, account.Domain),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(signingKey.SecurityKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public static string RoleOf(AuthenticatedAccount account) =>
        account.IsAdministrator ? ManagementRoles.ServerAdministrator
        : account.IsDomainAdministrator ? ManagementRoles.DomainAdministrator
        : ManagementRoles.User;

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeyResolver = (_, _, _, _) => [signingKey.SecurityKey],
        NameClaimType = JwtRegisteredClaimNames.Sub,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
