using Microsoft.IdentityModel.Tokens;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// The HMAC key that signs management API tokens. Stored in the database, so every node accepts every node's tokens;
/// loaded at start by the database seeder.
/// </summary>
public sealed class TokenSigningKey
{
    public const string SettingKey = "management.token-signing-key";

    private SymmetricSecurityKey? _key;

    public byte[] Key
    {
        set => _key = new SymmetricSecurityKey(value);
    }

    public SymmetricSecurityKey SecurityKey => _key ?? throw new InvalidOperationException("The token signing key is not loaded yet.");
}
