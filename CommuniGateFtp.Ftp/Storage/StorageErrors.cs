namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Maps operating-system failures to FTP replies (FS-ERRORS, FS-QUOTA-HIT): disk full 452, others 451.</summary>
public static class StorageErrors
{
    private const int DiskFull = 28;      // ENOSPC
    private const int QuotaExceeded = 122; // EDQUOT

    public static (int Code, string Text) ToReply(Exception exception) => exception switch
    {
        StorageException s => (s.Code, s.Message),
        QuotaExceededException => (552, "Exceeded storage allocation"),
        UnauthorizedAccessException => (550, "Permission denied"),
        FileNotFoundException or DirectoryNotFoundException => (550, "No such file or directory"),
        IOException io when (io.HResult & 0xFFFF) is DiskFull or QuotaExceeded => (452, "Insufficient storage space"),
        _ => (451, "Local error in processing"),
    };
}
