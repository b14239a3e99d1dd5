using System.Net;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>
/// CGP's temporary blacklisting: failed logins, refused token requests and floods from one client address are counted
/// across connections and nodes (<see cref="ITemporaryBlacklistStore"/>); an address over the threshold is refused
/// before any command until its block ends. The admission path asks <see cref="IsBlocked"/>, which reads memory only:
/// the blocked set is refreshed from the store every second (<see cref="BlacklistRefresher"/>) and at once when this
/// node blocks or lifts. White Hole addresses (<c>unblacklistableIps</c>) are never counted nor blocked.
/// </summary>
public sealed class TemporaryBlacklist(ITemporaryBlacklistStore store, LiveSettings settings, FtpLogBook log, TimeProvider time,
    ILogger<TemporaryBlacklist> logger)
{
    private readonly AddressListCache _whiteHole = new();
    private readonly FailureQueue _queue = new();

    // Counts the blocks and lifts made here, under the gate: a refresh that read the store before one of them must
    // not undo it. Readers of the blocked set take no lock.
    private readonly Lock _gate = new();
    private int _changes;

    /// <summary>The addresses blocked now (every node's) and their live feed, for the API's list stream.</summary>
    public BlockedAddresses Blocked { get; } = new();

    /// <summary>CGP: a White Hole address is never blacklisted and is free of the per-address limits.</summary>
    public bool IsUnblacklistable(IPAddress client) => _whiteHole.Get(settings.Current.UnblacklistableIps).Contains(client);

    /// <summary>Whether <paramref name="client"/> is blocked now, and until when. Memory only: no database round trip.</summary>
    public bool IsBlocked(IPAddress client, out DateTimeOffset until)
    {
        until = default;
        if (Blocked.IsEmpty || !Blocked.TryGet(client, out var state) || !state.IsBlockedAt(time.GetUtcNow()) || IsUnblacklistable(client))
        {
            return false;
        }
        until = state.BlockedUntil!.Value;
        return true;
    }

    /// <summary>
    /// Counts one failure of <paramref name="client"/>. The task ends once it is counted (and the address blocked, when
    /// that is the outcome); it never faults. Failures that arrive while one is being written go together in the next write,
    /// so a flood costs one database transaction at a time per address.
    /// </summary>
    public Task ReportAsync(IPAddress client, string reason)
    {
        if (BlacklistPolicy.From(settings.Current).IsOff || IsUnblacklistable(client))
        {
            return Task.CompletedTask;
        }
        return _queue.Add(client, reason, CountAsync);
    }

    /// <summary>The addresses blocked now, read from the store (every node's blocks).</summary>
    public Task<IReadOnlyList<BlacklistState>> ListAsync(CancellationToken cancellationToken) => store.BlockedAsync(time.GetUtcNow(), cancellationToken);

    /// <summary>An administrator lifts the block of <paramref name="client"/> and forgets its failures and offences.</summary>
    public async Task<bool> LiftAsync(IPAddress client, CancellationToken cancellationToken)
    {
        var lifted = await store.LiftAsync(client, cancellationToken);
        lock (_gate)
        {
            _changes++;
            Blocked.Remove(client);
        }
        if (lifted)
        {
            log.Write(CgpLogLevel.Major, 0, $"[{client}]", "temporary blacklisting lifted by an administrator");
        }
        return lifted;
    }

    /// <summary>Reloads the blocked set from the store, so blocks and lifts made on other nodes apply here too.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        int changes;
        lock (_gate)
        {
            changes = _changes;
        }
        var blocked = await store.BlockedAsync(time.GetUtcNow(), cancellationToken);
        lock (_gate)
        {
            if (changes == _changes) // else a change made here meanwhile: the next refresh reads it from the store
            {
                Blocked.ReplaceAll(blocked);
            }
        }
    }

    /// <summary>Drops what is known of addresses that have been quiet for <see cref="BlacklistPolicy.Memory"/>.</summary>
    public Task ForgetQuietAsync(CancellationToken cancellationToken) => store.ForgetAsync(time.GetUtcNow() - BlacklistPolicy.Memory, cancellationToken);

    private async Task CountAsync(IPAddress client, int failures, string reason)
    {
        var policy = BlacklistPolicy.From(settings.Current);
        var now = time.GetUtcNow();
        try
        {
            var state = await store.CountAsync(client, failures, policy, now, CancellationToken.None);
            if (state.BlockedSince == now)
            {
                lock (_gate)
                {
                    _changes++;
                    Blocked.Set(state);
                }
                log.Write(CgpLogLevel.Major, 0, $"[{client}]",
                    $"temporarily blacklisted for {state.BlockedUntil - now:hh\\:mm\\:ss} (offence {state.Offences}): " +
                    $"{state.Failures} failures within {policy.Window:hh\\:mm\\:ss}, the last: {reason}");
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The failure is lost, not the session: a store that is down must not turn into refused logins.
            logger.LogWarning(ex, "Counting a failure of {Client} toward the temporary blacklist failed", client);
        }
    }
}
