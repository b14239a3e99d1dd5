using CommuniGateFtp.Ftp.Data;
using Microsoft.AspNetCore.Identity;

namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// Password hashes through ASP.NET Core Identity's hasher: PBKDF2-HMAC-SHA512, 100,000 iterations, 128-bit salt,
/// versioned so the cost can be raised later (a rehash happens at the next successful login).
/// </summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<Account> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(null!, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Valid,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidRehashNeeded,
        _ => PasswordCheck.Invalid,
    };
}

/// <summary>The outcome of checking a password against its hash.</summary>
public enum PasswordCheck
{
    Invalid,
    Valid,
    ValidRehashNeeded,
}
