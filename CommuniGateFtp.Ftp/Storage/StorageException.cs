namespace CommuniGateFtp.Ftp.Storage;

/// <summary>A File Storage operation that failed with a reply the client should get (FS-ERRORS); the dispatcher answers it.</summary>
public sealed class StorageException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;

    public static StorageException NotFound() => new(550, "No such file or directory");

    public static StorageException InvalidName() => new(553, "File name not allowed");

    public static StorageException Exists() => new(550, "File exists");

    public static StorageException NotEmpty() => new(550, "Directory not empty");

    public static StorageException IsDirectory() => new(550, "Is a directory");

    public static StorageException NotDirectory() => new(550, "Not a directory");

    public static StorageException PermissionDenied() => new(550, "Permission denied");
}
