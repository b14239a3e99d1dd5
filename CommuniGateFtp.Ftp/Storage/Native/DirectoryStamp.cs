namespace CommuniGateFtp.Ftp.Storage.Native;

/// <summary>
/// A directory's identity and the times that move whenever an entry is added, removed or renamed in it (POSIX updates
/// the directory's modification and change times then), in nanoseconds since the Unix epoch. Equal stamps taken a
/// while apart mean the same entries, provided the first was taken when the directory had been still for longer than
/// the file system's clock granularity (<see cref="DirectoryNamesCache"/> sees to that).
/// </summary>
internal readonly record struct DirectoryStamp(ulong Device, ulong Inode, long Size, long ModifiedNanoseconds, long ChangedNanoseconds)
{
    /// <summary>The later of the two times: the last moment anything about the directory changed.</summary>
    public long LastChangeNanoseconds => Math.Max(ModifiedNanoseconds, ChangedNanoseconds);
}
