namespace CommuniGateFtp.Ftp.Storage;

/// <summary>One file or directory as listings show it, with the caller's effective rights on it.</summary>
public sealed record StorageEntry(string Name, bool IsDirectory, long Size, DateTimeOffset Modified, string Owner, FileRights Rights, string UniqueId);
