using System.Collections.Concurrent;
using CommuniGateFtp.Ftp.Data;

namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// What this node last read from the database for a login that succeeded (the account's <see cref="LoginRecord"/>) and
/// which Domain owns a local address, so that a repeat login costs no database round trip. Every entry is stamped with
/// the <see cref="Generation"/> read before its query and is used only while the generation is unchanged: a change to any
/// account or Domain bumps it on every node (a database trigger NOTIFYs <see cref="Channel"/>; a save on this node bumps
/// it at once, <see cref="FtpDbContext.LoginDataWrites"/>), so a password changed or an account disabled anywhere is read
/// afresh at the next login. While the node does not listen for those notifications nothing is kept or used, and an
/// entry lives at most <see cref="Lifetime"/> in any case (a LISTEN connection that broke silently). Failed logins are
/// never answered from here.
/// </summary>
/// <param name="localWrites">The count of this process's saves of accounts and Domains (tests without a database give their own).</param>
public sealed class LoginCache(TimeProvider time, Func<long>? localWrites = null)
{
    /// <summary>The NOTIFY channel of the trigger on <c>accounts</c> and <c>domains</c> (migration LoginChangeNotifications).</summary>
    public const string Channel = "cgftp_logins";

    /// <summary>The longest an entry is used without being read again from the database.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The most accounts (and, separately, local addresses) kept: a bound on memory for any number of accounts.</summary>
    public const int MostKept = 10_000;

    private readonly ConcurrentDictionary<LoginName, Kept<LoginRecord>> _accounts = new();
    private readonly ConcurrentDictionary<string, Kept<string?>> _domainsByAddress = new(StringComparer.Ordinal);
    private readonly Func<long> _localWrites = localWrites ?? (() => FtpDbContext.LoginDataWrites);
    private long _changes;
    private volatile bool _listening;
    private long _hits;

    /// <summary>Read before a database lookup and handed to <c>Keep…</c> with its result: a change in between discards it.</summary>
    public long Generation => Interlocked.Read(ref _changes) + _localWrites();

    /// <summary>How many lookups were answered from here (tests see repeat logins skip the database).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public bool TryGetAccount(LoginName login, out LoginRecord record) => TryGet(_accounts, login, out record!);

    public void KeepAccount(LoginName login, LoginRecord record, long generation) => Keep(_accounts, login, record, generation);

    /// <summary>NET-DOMAINIP: the Domain owning a local address (null: none, the Main Domain's), if known.</summary>
    public bool TryGetDomainOwning(string address, out string? domain) => TryGet(_domainsByAddress, address, out domain);

    public void KeepDomainOwning(string address, string? domain, long generation) => Keep(_domainsByAddress, address, domain, generation);

    /// <summary>An account or Domain changed somewhere in the cluster (the trigger's NOTIFY): everything is read again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _changes);
        _accounts.Clear();
        _domainsByAddress.Clear();
    }

    /// <summary>The LISTEN connection was lost: changes would go unheard, so nothing is kept or used until <see cref="Resume"/>.</summary>
    public void Suspend()
    {
        _listening = false;
        Invalidate();
    }

    /// <summary>Listening (again): changes are heard from now on; what was read before is not trusted.</summary>
    public void Resume()
    {
        Invalidate();
        _listening = true;
    }

    private bool TryGet<TKey, TValue>(ConcurrentDictionary<TKey, Kept<TValue>> entries, TKey key, out TValue value) where TKey : notnull
    {
        if (_listening && entries.TryGetValue(key, out var kept) && IsCurrent(kept))
        {
            Interlocked.Increment(ref _hits);
            value = kept.Value;
            return true;
        }
        value = default!;
        return false;
    }

    private void Keep<TKey, TValue>(ConcurrentDictionary<TKey, Kept<TValue>> entries, TKey key, TValue value, long generation) where TKey : notnull
    {
        if (!_listening || generation != Generation)
        {
            return; // read before a change, or unheard changes possible: not to be trusted
        }
        if (entries.Count >= MostKept && !entries.ContainsKey(key))
        {
            foreach (var (stale, kept) in entries)
            {
                if (!IsCurrent(kept))
                {
                    entries.TryRemove(stale, out _);
                }
            }
            if (entries.Count >= MostKept)
            {
                return;
            }
        }
        entries[key] = new Kept<TValue>(value, generation, time.GetUtcNow() + Lifetime);
    }

    private bool IsCurrent<TValue>(Kept<TValue> kept) => kept.Generation == Generation && time.GetUtcNow() < kept.Until;

    private sealed record Kept<TValue>(TValue Value, long Generation, DateTimeOffset Until);
}
