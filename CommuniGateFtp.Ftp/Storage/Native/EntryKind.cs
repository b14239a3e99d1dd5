namespace CommuniGateFtp.Ftp.Storage.Native;

/// <summary>What a directory entry is, as far as listings care: anything neither a directory nor a link lists as a file.</summary>
internal enum EntryKind
{
    /// <summary>The file system did not say (<c>DT_UNKNOWN</c>): ask <c>statx</c>.</summary>
    Unknown,
    File,
    Directory,
    Link,
}
