using System.Runtime.CompilerServices;
using System.Text;
using CommuniGateFtp.Ftp.Storage.Native;

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
        AppendAfterOwner(ref line, ownerStart, entry.Size, entry.Modified.UtcTicks, now);
        line.Append(entry.Name);
        return line.TryFinish(out written);
    }

    /// <summary>The same line for the entry at <paramref name="position"/> of a listing, from its UTF-8 name and facts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryFormat(DirectoryListing listing, int position, DateTimeOffset now, Span<byte> destination, out int written)
    {
        ref readonly var facts = ref listing.FactsAt(position);
        var isDirectory = facts.Kind == EntryKind.Directory;
        var line = new LineBuilder(destination);
        line.Append((isDirectory ? DirectoryModes : FileModes)[(int)(listing.RightsAt(position) & FileRights.All)]);
        line.Append(" 1 "u8);
        var ownerStart = line.Length;
        line.Append(listing.OwnerUtf8.Span);
        AppendAfterOwner(ref line, ownerStart, isDirectory ? 0 : facts.Size, facts.ModifiedTicks, now);
        line.Append(listing.NameAt(position));
        return line.TryFinish(out written);
    }

    // {Owner,-8} padded as UTF-8 formatting pads it (in bytes), the group, the size, the date and the space before the name.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendAfterOwner(ref LineBuilder line, int ownerStart, long size, long modifiedTicks, DateTimeOffset now)
    {
        line.AppendSpaces(8 - (line.Length - ownerStart));
        line.Append(" ftp "u8);
        line.Append(size, 12);
        line.Append((byte)' ');
        var nowTicks = now.UtcTicks;
        var recent = nowTicks - modifiedTicks < RecentWindow.Ticks && modifiedTicks <= nowTicks + TimeSpan.TicksPerDay;
        ListingDate.AppendLs(ref line, new DateTime(modifiedTicks, DateTimeKind.Utc), withYear: !recent);
        line.Append((byte)' ');
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
