using System.Globalization;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// One file or directory as listings show it, with the caller's effective rights on it. <paramref name="UniqueKey"/> is
/// the number behind the MLSx <c>unique</c> fact, kept as a number so that listings format it without a string each.
/// </summary>
public sealed record StorageEntry(string Name, bool IsDirectory, long Size, DateTimeOffset Modified, string Owner, FileRights Rights, ulong UniqueKey)
{
    /// <summary>RFC 3659 7.5.2: the <c>unique</c> fact, 16 hexadecimal digits.</summary>
    public string UniqueId => UniqueKey.ToString("x16", CultureInfo.InvariantCulture);
}
