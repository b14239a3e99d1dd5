namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// One entry of a file's or directory's ACL in an account's File Storage (FS-ACL): the grantee
/// (<c>user@domain</c>, <c>anyone</c>, <c>anyone@</c>, <c>anyone@domain</c>, <c>#group</c>) and its rights letters.
/// </summary>
public sealed class FileAccessControlEntry
{
    public long Id { get; set; }

    /// <summary>The account whose File Storage holds the item.</summary>
    public int AccountId { get; set; }

    public Account Account { get; set; } = null!;

    /// <summary>Path of the item inside the owner's storage, normalised, starting with <c>/</c>.</summary>
    public required string Path { get; set; }

    public required string Grantee { get; set; }

    /// <summary>Rights letters from FS-RIGHTS, e.g. <c>lrwi</c>.</summary>
    public required string Rights { get; set; }
}
