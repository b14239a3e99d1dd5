namespace CommuniGateFtp.Contracts;

/// <summary>
/// An account as the API shows it. Passwords are never returned. The effective limits resolve <c>default</c> through
/// the Domain (FS-QUOTA): a number or <c>unlimited</c>.
/// </summary>
public sealed record AccountResponse(
    string Name,
    string Domain,
    bool Enabled,
    IReadOnlyList<string> EnabledServices,
    bool IsAdministrator,
    bool IsDomainAdministrator,
    string StorageSizeLimit,
    string StorageFilesLimit,
    long StorageBytesUsed,
    long StorageFilesUsed,
    DateTimeOffset CreatedAt,
    string EffectiveStorageSizeLimit,
    string EffectiveStorageFilesLimit);

/// <summary>
/// Body of <c>POST /api/accounts</c> and <c>PUT /api/accounts/{domain}/{name}</c>. On PUT, a null member keeps its
/// value (and <c>name</c>/<c>domain</c> come from the route). Limits: a number (K/M/G/T suffix allowed),
/// <c>unlimited</c> or <c>default</c>.
/// </summary>
public sealed record AccountRequest(
    string? Name,
    string? Domain,
    string? Password,
    IReadOnlyList<string>? EnabledServices,
    string? StorageSizeLimit,
    string? StorageFilesLimit,
    bool? IsAdministrator,
    bool? Enabled,
    bool? IsDomainAdministrator = null);

/// <summary>
/// Answer of <c>GET /api/accounts?search=&amp;skip=&amp;take=</c>: one page of the accounts that match, in domain and
/// name order, and how many match in all.
/// </summary>
public sealed record AccountPage(IReadOnlyList<AccountResponse> Items, int Total);
