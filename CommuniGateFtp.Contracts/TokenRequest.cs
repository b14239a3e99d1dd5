namespace CommuniGateFtp.Contracts;

/// <summary>Body of <c>POST /api/auth/token</c>: <c>postmaster</c> or <c>postmaster@domain</c> and its password.</summary>
public sealed record TokenRequest(string? Username, string? Password);

/// <summary>
/// A bearer token for the management API, with what it lets its holder administer: <c>Role</c> is
/// <c>server-administrator</c> (everything) or <c>domain-administrator</c> (only <c>Domain</c>'s accounts, groups,
/// rights, files and sessions). The token carries the same in its claims; these members spare clients decoding it.
/// </summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string? Role = null, string? Domain = null);
