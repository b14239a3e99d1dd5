namespace CommuniGateFtp.Contracts;

/// <summary>A domain as the API shows it; the defaults apply to accounts whose limits are <c>default</c> (FS-QUOTA).</summary>
public sealed record DomainResponse(string Name, bool IsMain, bool Enabled, int AccountCount, string DefaultStorageSizeLimit,
    string DefaultStorageFilesLimit, IReadOnlyList<string> LocalIps);

/// <summary>Body of <c>POST /api/domains</c> and <c>PUT /api/domains/{name}</c> (on PUT, null members keep their value).</summary>
/// <remarks><c>localIps</c> (NET-DOMAINIP): the local addresses the Domain owns; unqualified login names on them belong to it.</remarks>
public sealed record DomainRequest(string? Name, bool? Enabled, string? DefaultStorageSizeLimit, string? DefaultStorageFilesLimit,
    IReadOnlyList<string>? LocalIps = null);
