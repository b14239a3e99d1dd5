using System.Globalization;
using System.Text.Unicode;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>
/// LIST lines in <c>ls -l</c> form (LST-LS): permissions from the caller's rights, owner = account, group = <c>ftp</c>,
/// <c>Mmm dd HH:MM</c> within 180 days, else <c>Mmm dd  yyyy</c>, English months, UTC. Pure. Listings write the lines
/// straight into the data connection's buffer as UTF-8 (<see cref="TryFormat"/>): no string per entry.
/// </summary>
public static class LsFormatter
{
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(180);

    // The rwx triple for each set of rights, files and directories apart, made once.
    private static readonly string[] FileTriples = Triples(isDirectory: false);
    private static readonly string[] DirectoryTriples = Triples(isDirectory: true);

    public static string Format(StorageEntry entry, DateTimeOffset now) => ListingText.ToText(entry, now, TryFormat);

    /// <summary>Writes the line (without its line end) as UTF-8; false when <paramref name="destination"/> is too small.</summary>
    public static bool TryFormat(StorageEntry entry, DateTimeOffset now, Span<byte> destination, out int written)
    {
        var perm = (entry.IsDirectory ? DirectoryTriples : FileTriples)[(int)(entry.Rights & FileRights.All)];
        var type = entry.IsDirectory ? 'd' : '-';
        var modified = entry.Modified.UtcDateTime;
        var invariant = CultureInfo.InvariantCulture;
        return now - entry.Modified < RecentWindow && entry.Modified <= now + TimeSpan.FromDays(1)
            ? Utf8.TryWrite(destination, invariant, $"{type}{perm}{perm}{perm} 1 {entry.Owner,-8} ftp {entry.Size,12} {modified:MMM dd HH:mm} {entry.Name}", out written)
            : Utf8.TryWrite(destination, invariant, $"{type}{perm}{perm}{perm} 1 {entry.Owner,-8} ftp {entry.Size,12} {modified:MMM dd  yyyy} {entry.Name}", out written);
    }

    private static string[] Triples(bool isDirectory) =>
    [
        .. Enumerable.Range(0, (int)FileRights.All + 1).Select(r =>
        {
            var rights = (FileRights)r;
            var read = rights.HasFlag(FileRights.Read) || (isDirectory && rights.HasFlag(FileRights.Lookup)) ? 'r' : '-';
            var write = rights.HasFlag(FileRights.Write) || rights.HasFlag(FileRights.Insert) ? 'w' : '-';
            var execute = isDirectory && rights.HasFlag(FileRights.Lookup) ? 'x' : '-';
            return $"{read}{write}{execute}";
        }),
    ];
}
