using System.Text.Json;
using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services.Live;

/// <summary>
/// The Blacklist page's rows, kept from <c>/api/blacklist/temporary/stream</c>: the <c>snapshot</c> replaces them all
/// (so a reconnection starts clean), <c>added</c> and <c>changed</c> put an address's latest state, <c>removed</c>
/// takes it away. Events arrive on the stream's task; the page reads <see cref="Rows"/> on its circuit.
/// </summary>
public sealed class BlacklistRows
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TemporaryBlacklistResponse> _rows = [];

    /// <summary>The node whose view this is (from the snapshot).</summary>
    public string? Node { get; private set; }

    /// <summary>Longest blocked first.</summary>
    public IReadOnlyList<TemporaryBlacklistResponse> Rows
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values.OrderBy(r => r.Since).ThenBy(r => r.Address, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Applies one event; false when it was not one this feed sends (nothing changes).</summary>
    public bool Apply(string name, string data)
    {
        lock (_gate)
        {
            switch (name)
            {
                case "snapshot":
                    var snapshot = JsonSerializer.Deserialize<BlacklistSnapshot>(data, JsonSerializerOptions.Web)!;
                    Node = snapshot.Node;
                    _rows.Clear();
                    foreach (var entry in snapshot.Entries)
                    {
                        _rows[entry.Address] = entry;
                    }
                    return true;
                case "added" or "changed":
                    var row = JsonSerializer.Deserialize<TemporaryBlacklistResponse>(data, JsonSerializerOptions.Web)!;
                    _rows[row.Address] = row;
                    return true;
                case "removed":
                    return _rows.Remove(JsonSerializer.Deserialize<TemporaryBlacklistResponse>(data, JsonSerializerOptions.Web)!.Address);
                default:
                    return false;
            }
        }
    }

    /// <summary>How long a block still lasts, for people: <c>9 min 05 s</c>, <c>2 h 10 min</c>, <c>ending</c>.</summary>
    public static string Remaining(DateTimeOffset until, DateTimeOffset now)
    {
        var left = until - now;
        return left <= TimeSpan.Zero ? "ending"
            : left.TotalHours >= 1 ? $"{(int)left.TotalHours} h {left.Minutes:00} min"
            : left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes} min {left.Seconds:00} s"
            : $"{Math.Ceiling(left.TotalSeconds)} s";
    }
}
