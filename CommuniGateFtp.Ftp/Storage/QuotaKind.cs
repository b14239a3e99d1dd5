namespace CommuniGateFtp.Ftp.Storage;

/// <summary>The two File Storage limits (FS-QUOTA): bytes of files, and the number of files and directories.</summary>
public enum QuotaKind
{
    Bytes,
    Files,
}
