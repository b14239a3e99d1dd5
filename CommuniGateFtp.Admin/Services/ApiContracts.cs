namespace CommuniGateFtp.Admin.Services;

/// <summary>An account as the Ftp management API returns it.</summary>
public sealed record AccountModel(
    string Name,
    string Domain,
    bool Enabled,
    IReadOnlyList<string> EnabledServices,
    bool IsAdministrator,
    string StorageSizeLimit,
    string StorageFilesLimit,
    long StorageBytesUsed,
    long StorageFilesUsed,
    DateTimeOffset CreatedAt);

/// <summary>The body the API takes to create or change an account (null members are left unchanged).</summary>
public sealed record AccountChange(
    string? Name,
    string? Domain,
    string? Password,
    IReadOnlyList<string>? EnabledServices,
    string? StorageSizeLimit,
    string? StorageFilesLimit,
    bool? IsAdministrator,
    bool? Enabled);

/// <summary>A domain as the API returns it.</summary>
public sealed record DomainModel(string Name, bool IsMain, bool Enabled, int AccountCount);

internal sealed record TokenRequest(string Username, string Password);

internal sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
