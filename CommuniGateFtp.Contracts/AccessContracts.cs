namespace CommuniGateFtp.Contracts;

/// <summary>One ACL entry: a grantee (<c>user@domain</c>, <c>user</c>, <c>anyone</c>, <c>anyone@</c>, <c>anyone@domain</c>,
/// <c>#group</c>) and rights letters from <c>lrwida</c> (FS-ACL, FS-RIGHTS).</summary>
public sealed record AclEntryDto(string Grantee, string Rights);

/// <summary>The ACL of one item of an account's File Storage.</summary>
public sealed record AclResponse(string Account, string Path, IReadOnlyList<AclEntryDto> Entries);

/// <summary>Body of <c>PUT /api/accounts/{domain}/{name}/acl?path=</c>: the complete new ACL (empty removes it).</summary>
public sealed record AclRequest(IReadOnlyList<AclEntryDto>? Entries);

/// <summary>One rule that gave rights: <c>owner</c>, <c>server administrator</c>, <c>domain administrator</c>,
/// <c>implicit</c> or <c>acl</c> (with the grantee).</summary>
public sealed record AccessRuleDto(string Source, string Rights, string? Grantee);

/// <summary>Which rights <see cref="Who"/> has on <see cref="Path"/> of <see cref="Account"/>'s storage, and why.</summary>
public sealed record AccessExplanationResponse(string Account, string Path, string Who, string Rights, IReadOnlyList<AccessRuleDto> Rules);
