namespace CommuniGateFtp.Contracts;

/// <summary>Body of <c>POST /api/auth/token</c>: <c>postmaster</c> or <c>postmaster@domain</c> and its password.</summary>
public sealed record TokenRequest(string? Username, string? Password);

/// <summary>A bearer token for the management API.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
