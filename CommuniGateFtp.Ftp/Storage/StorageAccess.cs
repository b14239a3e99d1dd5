namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// What a command is about to do with an item; <see cref="FileSpace.DemandAsync"/> turns it into the right to check and
/// the item whose ACL counts (FS-RIGHTS, FS-ACL: entries are created and removed under the containing directory's ACL).
/// </summary>
public enum StorageAccess
{
    /// <summary>List a directory or enter it (<c>l</c> on it); see a file in a listing (<c>l</c> on its directory).</summary>
    Lookup,

    /// <summary>Read a file (<c>r</c>): RETR SIZE MDTM MLST HASH; on a directory, <c>l</c>.</summary>
    Read,

    /// <summary>Change an existing file (<c>w</c>): MFMT.</summary>
    Write,

    /// <summary>STOR/APPE: <c>w</c> on the file when it exists, else <c>i</c> on its directory.</summary>
    Store,

    /// <summary>Create an entry (<c>i</c> on the directory; <c>d</c> too when it replaces one): STOU MKD RNTO.</summary>
    Insert,

    /// <summary>Remove an entry (<c>d</c> on the directory): DELE RMD RNFR.</summary>
    Delete,
}
