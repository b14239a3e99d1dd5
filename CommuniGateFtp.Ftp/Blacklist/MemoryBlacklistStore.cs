using System.Net;

namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>The temporary blacklist of one node without a database (the protocol engine alone, as tests drive it).</summary>
public sealed class MemoryBlacklistStore : ITemporaryBlacklistStore
{
    private readonly Dictionary<IPAddress, BlacklistState> _states = [];
    private readonly Lock _gate = new();

    public Task<BlacklistState> CountAsync(IPAddress address, int failures, BlacklistPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var state = policy.Count(_states.GetValueOrDefault(address) ?? BlacklistState.New(address, now), failures, now);
            _states[address] = state;
            return Task.FromResult(state);
        }
    }

    public Task<IReadOnlyList<BlacklistState>> BlockedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<BlacklistState>>([.. _states.Values.Where(s => s.IsBlockedAt(now))]);
        }
    }

    public Task<bool> LiftAsync(IPAddress address, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.Remove(address));
        }
    }

    public Task ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var state in _states.Values.Where(s => s.LastFailureAt < before && !(s.BlockedUntil >= before)).ToList())
            {
                _states.Remove(state.Address);
            }
        }
        return Task.CompletedTask;
    }
}
