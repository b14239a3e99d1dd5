using System.Net;

namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>
/// Where the temporary blacklist keeps its counts: PostgreSQL when nodes share them (<see cref="DatabaseBlacklistStore"/>),
/// memory for an engine without a database (<see cref="MemoryBlacklistStore"/>). Every store applies
/// <see cref="BlacklistPolicy"/> atomically per address, so failures counted at once on two nodes are all counted.
/// </summary>
public interface ITemporaryBlacklistStore
{
    /// <summary>Counts <paramref name="failures"/> failures of <paramref name="address"/>; returns its state after them.</summary>
    Task<BlacklistState> CountAsync(IPAddress address, int failures, BlacklistPolicy policy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The addresses blocked at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<BlacklistState>> BlockedAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets the address (its block, failures and offences); false when nothing was known of it.</summary>
    Task<bool> LiftAsync(IPAddress address, CancellationToken cancellationToken);

    /// <summary>Forgets addresses whose last failure and block end are both before <paramref name="before"/>.</summary>
    Task ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
