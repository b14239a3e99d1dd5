using System.Globalization;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>
/// LIST lines in <c>ls -l</c> form (LST-LS): permissions from the caller's rights, owner = account, group = <c>ftp</c>,
/// <c>Mmm dd HH:MM</c> within 180 days, else <c>Mmm dd  yyyy</c>, English months, UTC. Pure.
/// </summary>
public static class LsFormatter
{
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(180);

    public static string Format(StorageEntry entry, DateTimeOffset now)
    {
        var perm = Permissions(entry);
        var date = now - entry.Modified < RecentWindow && entry.Modified <= now + TimeSpan.FromDays(1)
            ? entry.Modified.UtcDateTime.ToString("MMM dd HH:mm", CultureInfo.InvariantCulture)
            : entry.Modified.UtcDateTime.ToString("MMM dd  yyyy", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(entry.IsDirectory ? 'd' : '-')}{perm}{perm}{perm} 1 {entry.Owner,-8} ftp {entry.Size,12} {date} {entry.Name}");
    }

    private static string Permissions(StorageEntry entry)
    {
        var rights = entry.Rights;
        var read = rights.HasFlag(FileRights.Read) || (entry.IsDirectory && rights.HasFlag(FileRights.Lookup)) ? 'r' : '-';
        var write = rights.HasFlag(FileRights.Write) || rights.HasFlag(FileRights.Insert) ? 'w' : '-';
        var execute = entry.IsDirectory && rights.HasFlag(FileRights.Lookup) ? 'x' : '-';
        return $"{read}{write}{execute}";
    }
}
