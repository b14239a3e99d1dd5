using System.Runtime.CompilerServices;
using System.Text;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>
/// LIST lines in <c>ls -l</c> form (LST-LS): permissions from the caller's rights, owner = account, group = <c>ftp</c>,
/// <c>Mmm dd HH:MM</c> within 180 days, else <c>Mmm dd  yyyy</c>, English months, UTC. Pure. Listings write the lines
/// straight into the data connection's buffer as UTF-8 (<see cref="TryFormat"/>): no string per entry, no format string
/// parsed per line.
/// </summary>
public static class LsFormatter
{
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(180);

    // The type letter and the rwx triple three times, for each set of rights, files and directories apart, made once.
    private static readonly byte[][] FileModes = Modes(isDirectory: false);
    private static readonly byte[][] DirectoryModes = Modes(isDirectory: true);

    public static string Format(StorageEntry entry, DateTimeOffset now) => ListingText.ToText(entry, now, TryFormat);

    /// <summary>Writes the line (without its line end) as UTF-8; false when <paramref name="destination"/> is too small.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per entry, from the first listing on
    public static bool TryFormat(StorageEntry entry, DateTimeOffset now, Span<byte> destination, out int written)
    {
        var line = new LineBuilder(destination);
        line.Append((entry.IsDirectory ? DirectoryModes : FileModes)[(int)(entry.Rights & FileRights.All)]);
        line.Append(" 1 "u8);
        var ownerStart = line.Length;
        line.Append(entry.Owner);
        line.AppendSpaces(8 - (line.Length - ownerStart)); // {Owner,-8} as UTF-8 formatting pads it: in bytes
        line.Append(" ftp "u8);
        line.Append(entry.Size, 12);
        line.Append((byte)' ');
        var recent = now - entry.Modified < RecentWindow && entry.Modified <= now + TimeSpan.FromDays(1);
        ListingDate.AppendLs(ref line, entry.Modified.UtcDateTime, withYear: !recent);
        line.Append((byte)' ');
        line.Append(entry.Name);
        return line.TryFinish(out written);
    }

    private static byte[][] Modes(bool isDirectory) =>
    [
        .. Enumerable.Range(0, (int)FileRights.All + 1).Select(r =>
        {
            var rights = (FileRights)r;
            var read = rights.HasFlag(FileRights.Read) || (isDirectory && rights.HasFlag(FileRights.Lookup)) ? 'r' : '-';
            var write = rights.HasFlag(FileRights.Write) || rights.HasFlag(FileRights.Insert) ? 'w' : '-';
            var execute = isDirectory && rights.HasFlag(FileRights.Lookup) ? 'x' : '-';
            var triple = $"{read}{write}{execute}";
            return Encoding.ASCII.GetBytes($"{(isDirectory ? 'd' : '-')}{triple}{triple}{triple}");
        }),
    ];
}
