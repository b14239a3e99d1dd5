using System.Security.Cryptography;
using System.Text;
using CommuniGateFtp.Ftp.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// Password hashes through ASP.NET Core Identity's hasher: PBKDF2-HMAC-SHA512, 100,000 iterations, 128-bit salt,
/// versioned so the cost can be raised later (a rehash happens at the next successful login).
/// <para>
/// A password that just verified against a hash is remembered for a while as an HMAC under a key that lives only in
/// this process, so the next login with it costs a microsecond instead of PBKDF2's tens of milliseconds: a reconnect
/// storm of thousands of clients (or a client that logs in per file) no longer queues on the CPU. Only successes are
/// remembered, so guessing costs full PBKDF2 every time; the entry belongs to the hash (salted, unique), so a new
/// password or a rehash forgets it at once.
/// </para>
/// </summary>
public sealed class PasswordHashing : IDisposable
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);
    private const int MostRemembered = 100_000;

    private readonly PasswordHasher<Account> _hasher = new();
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly MemoryCache _verified = new(new MemoryCacheOptions { SizeLimit = MostRemembered });

    private long _fullChecks;

    /// <summary>How many checks ran PBKDF2 (tests see the remembered ones skip it).</summary>
    internal long FullChecks => Interlocked.Read(ref _fullChecks);

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>True when <paramref name="password"/> verified against <paramref name="hash"/> lately (no PBKDF2 run here).</summary>
    public bool IsRemembered(string hash, string password) => IsRemembered(hash, Proof(password));

    public PasswordCheck Verify(string hash, string password)
    {
        var proof = Proof(password);
        if (IsRemembered(hash, proof))
        {
            return PasswordCheck.Valid;
        }
        Interlocked.Increment(ref _fullChecks);
        var check = _hasher.VerifyHashedPassword(null!, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Valid,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidRehashNeeded,
            _ => PasswordCheck.Invalid,
        };
        if (check == PasswordCheck.Valid)
        {
            _verified.Set(hash, proof, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
        }
        return check;
    }

    private byte[] Proof(string password) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(password));

    private bool IsRemembered(string hash, byte[] proof) =>
        _verified.TryGetValue(hash, out byte[]? known) && CryptographicOperations.FixedTimeEquals(known, proof);

    public void Dispose() => _verified.Dispose();
}

/// <summary>The outcome of checking a password against its hash.</summary>
public enum PasswordCheck
{
    Invalid,
    Valid,
    ValidRehashNeeded,
}
