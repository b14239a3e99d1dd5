using System.Net;

namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>
/// What the temporary blacklist knows of one client address: failures in the current window, the block in force (or
/// the last one) and how many times the address was blocked (its offences).
/// </summary>
public sealed record BlacklistState(IPAddress Address, int Failures, DateTimeOffset WindowStartedAt, DateTimeOffset? BlockedSince,
    DateTimeOffset? BlockedUntil, int Offences, DateTimeOffset LastFailureAt)
{
    /// <summary>An address seen for the first time at <paramref name="now"/>, with nothing counted yet.</summary>
    public static BlacklistState New(IPAddress address, DateTimeOffset now) => new(address, 0, now, null, null, 0, now);

    public bool IsBlockedAt(DateTimeOffset now) => BlockedUntil > now;
}
