using System.Net;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// Open connections per client address, with a limit checked and counted in one step: NET-PERIP per socket, and the
/// per-address limit of connections not logged in over all sockets (SEC-DOS).
/// </summary>
internal sealed class AddressCounts
{
    private readonly Dictionary<IPAddress, int> _counts = [];
    private readonly Lock _gate = new();

    /// <summary>Counts a connection from <paramref name="client"/>; false (not counted) when it would exceed <paramref name="limit"/> (0 = none).</summary>
    public bool TryEnter(IPAddress client, int limit)
    {
        lock (_gate)
        {
            var count = _counts.GetValueOrDefault(client) + 1;
            if (limit > 0 && count > limit)
            {
                return false;
            }
            _counts[client] = count;
            return true;
        }
    }

    /// <summary>A connection counted by <see cref="TryEnter"/> has ended (or no longer counts).</summary>
    public void Leave(IPAddress client)
    {
        lock (_gate)
        {
            var count = _counts.GetValueOrDefault(client) - 1;
            if (count > 0)
            {
                _counts[client] = count;
            }
            else
            {
                _counts.Remove(client);
            }
        }
    }
}
