namespace CommuniGateFtp.Contracts;

/// <summary>
/// A temporarily blacklisted client address: blocked from <paramref name="Since"/> to <paramref name="Until"/> after
/// <paramref name="Failures"/> failures in the window; <paramref name="Offences"/> counts its blocks (each twice as long).
/// </summary>
public sealed record TemporaryBlacklistResponse(string Address, DateTimeOffset Since, DateTimeOffset Until, int Failures, int Offences);
