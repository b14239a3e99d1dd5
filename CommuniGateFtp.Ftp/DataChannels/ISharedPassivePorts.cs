using System.Net;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Shared passive ports (<c>sharedPassivePorts</c>): a pending PASV reserves one of a few ports for its client address,
/// and the data connection that arrives on it from that address, on any node, reaches this session.
/// </summary>
public interface ISharedPassivePorts
{
    /// <summary>
    /// Reserves one of <paramref name="ports"/> for <paramref name="client"/> (never one another pending reservation of
    /// that address holds, on any node), waiting briefly while all are held; null when none became free.
    /// </summary>
    Task<IPassiveDataChannel?> ReserveAsync(IPAddress localAddress, IPAddress client, IReadOnlyList<int> ports, CancellationToken cancellationToken);
}

/// <summary>The engine without a database: no shared passive ports (a PASV in that mode gets 425).</summary>
public sealed class NoSharedPassivePorts : ISharedPassivePorts
{
    public Task<IPassiveDataChannel?> ReserveAsync(IPAddress localAddress, IPAddress client, IReadOnlyList<int> ports,
        CancellationToken cancellationToken) => Task.FromResult<IPassiveDataChannel?>(null);
}
