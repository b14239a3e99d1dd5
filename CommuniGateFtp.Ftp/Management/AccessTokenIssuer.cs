using System.Security.Claims;
using CommuniGateFtp.Ftp.Accounts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>Issues the management API's bearer tokens (signed JWTs) for administrators.</summary>
public sealed class AccessTokenIssuer(TokenSigningKey signingKey, TimeProvider time)
{
    public const string Issuer = "CommuniGateFtp";
    public const string Audience = "CommuniGateFtp.Management";
    public const string AdministratorClaim = "cgftp_admin";
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
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(signingKey.SecurityKey, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeyResolver = (_, _, _, _) => [signingKey.SecurityKey],
        NameClaimType = JwtRegisteredClaimNames.Sub,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
