using System.Net;
using CommuniGateFtp.Ftp.Blacklist;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>One client address in the temporary blacklist, shared by every node (<see cref="DatabaseBlacklistStore"/>).</summary>
public sealed class TemporaryBlacklistEntry
{
    /// <summary>The client address as text (IPv4-mapped addresses as IPv4), as <see cref="IPAddress.ToString"/> writes it.</summary>
    public required string Address { get; set; }

    /// <summary>Failures counted since <see cref="WindowStartedAt"/>.</summary>
    public int Failures { get; set; }

    public DateTimeOffset WindowStartedAt { get; set; }

    public DateTimeOffset? BlockedSince { get; set; }

    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>How many times the address was blocked: each block lasts twice the one before.</summary>
    public int Offences { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }

    public BlacklistState ToState() => new(IPAddress.Parse(Address), Failures, WindowStartedAt, BlockedSince, BlockedUntil, Offences, LastFailureAt);

    public void Apply(BlacklistState state)
    {
        (Failures, WindowStartedAt, BlockedSince, BlockedUntil, Offences, LastFailureAt) =
            (state.Failures, state.WindowStartedAt, state.BlockedSince, state.BlockedUntil, state.Offences, state.LastFailureAt);
    }
}
