namespace CommuniGateFtp.Contracts;

/// <summary>
/// A temporarily blacklisted client address: blocked from <paramref name="Since"/> to <paramref name="Until"/> after
/// <paramref name="Failures"/> failures in the window; <paramref name="Offences"/> counts its blocks (each twice as long).
/// </summary>
public sealed record TemporaryBlacklistResponse(string Address, DateTimeOffset Since, DateTimeOffset Until, int Failures, int Offences);

/// <summary>
/// The <c>snapshot</c> event of <c>/api/blacklist/temporary/stream</c>: the addresses blocked now on any node, as
/// <paramref name="Node"/> knows them; then <c>added</c>, <c>changed</c> (blocked again, for longer) and <c>removed</c>
/// (lifted, or the block is over) events, each a <see cref="TemporaryBlacklistResponse"/>.
/// </summary>
public sealed record BlacklistSnapshot(string Node, IReadOnlyList<TemporaryBlacklistResponse> Entries);
