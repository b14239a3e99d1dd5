namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>What an account's File Storage holds on disk, counted as FS-QUOTA counts it: bytes of files; files and directories.</summary>
public static class DiskUsage
{
    public static (long Bytes, long Files) Of(string accountRoot)
    {
        var entries = new DirectoryInfo(accountRoot).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).ToList();
        return (entries.OfType<FileInfo>().Sum(f => f.Length), entries.Count);
    }
}
