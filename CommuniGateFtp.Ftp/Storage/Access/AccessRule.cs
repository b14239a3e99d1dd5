namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>
/// One reason for rights on an item: <c>owner</c>, <c>server administrator</c>, <c>domain administrator</c> (FS-WHO),
/// <c>implicit</c> (FS-IMPLICIT) or <c>acl</c> with the matching grantee (FS-ACL).
/// </summary>
public sealed record AccessRule(string Source, FileRights Rights, string? Grantee = null);
