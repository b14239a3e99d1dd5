using System.Runtime.CompilerServices;
using System.Text;
using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>
/// MLSD/MLST fact lines (LST-MLSX, RFC 3659 7): <c>type=file;size=1;modify=…;perm=…;unique=…; name</c>. Pure. MLSD
/// writes the lines straight into the data connection's buffer as UTF-8 (<see cref="TryFormat"/>): no string per entry.
/// </summary>
public static class MlsxFormatter
{
    // The perm fact's letters for each set of rights, files and directories apart, made once.
    private static readonly byte[][] FilePerms = PermTable(isDirectory: false);
    private static readonly byte[][] DirectoryPerms = PermTable(isDirectory: true);

    // The facts last asked for, as flags: a listing asks with the same set for every entry (sets are not changed in place).
    private static FactChoice _lastChoice = new(MlstFacts.All);

    /// <param name="type">Overrides the type fact, e.g. <c>cdir</c> for the listed directory itself.</param>
    public static string Format(StorageEntry entry, IReadOnlySet<string> facts, string? type = null, string? name = null) =>
        ListingText.ToText(entry, (facts, type, name), static (e, a, destination, out written) => TryFormat(e, a.facts, destination, out written, a.type, a.name));

    /// <summary>Writes the line (without its line end) as UTF-8; false when <paramref name="destination"/> is too small.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per entry, from the first listing on
    public static bool TryFormat(StorageEntry entry, IReadOnlySet<string> facts, Span<byte> destination, out int written, string? type = null,
        string? name = null)
    {
        var choice = Choose(facts);
        var line = new LineBuilder(destination);
        if (choice.Type)
        {
            line.Append("type="u8);
            if (type is not null)
            {
                line.Append(type);
            }
            else
            {
                line.Append(entry.IsDirectory ? "dir"u8 : "file"u8);
            }
            line.Append((byte)';');
        }
        AppendFacts(ref line, choice, entry.IsDirectory, entry.Size, entry.Modified.UtcTicks, entry.Rights, choice.Unique ? entry.UniqueKey : 0);
        line.Append(name ?? entry.Name);
        return line.TryFinish(out written);
    }

    /// <summary>The same line for the entry at <paramref name="position"/> of a listing, from its UTF-8 name and facts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryFormat(DirectoryListing listing, int position, IReadOnlySet<string> facts, Span<byte> destination, out int written)
    {
        var choice = Choose(facts);
        ref readonly var entry = ref listing.FactsAt(position);
        var isDirectory = entry.Kind == EntryKind.Directory;
        var line = new LineBuilder(destination);
        if (choice.Type)
        {
            line.Append(isDirectory ? "type=dir;"u8 : "type=file;"u8);
        }
        AppendFacts(ref line, choice, isDirectory, entry.Size, entry.ModifiedTicks, listing.RightsAt(position),
            choice.Unique ? listing.UniqueKeyAt(position) : 0);
        line.Append(listing.NameAt(position));
        return line.TryFinish(out written);
    }

    // The facts a listing asks for, as flags: it asks with the same set for every entry (sets are not changed in place).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FactChoice Choose(IReadOnlySet<string> facts)
    {
        var choice = _lastChoice;
        if (!ReferenceEquals(choice.Facts, facts))
        {
            _lastChoice = choice = new FactChoice(facts);
        }
        return choice;
    }

    // Every fact after type, in RFC 3659's order as MlstFacts.Ordered lists them, and the space before the name.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendFacts(ref LineBuilder line, FactChoice choice, bool isDirectory, long size, long modifiedTicks, FileRights rights,
        ulong uniqueKey)
    {
        if (choice.Size && !isDirectory)
        {
            line.Append("size="u8);
            line.Append(size);
            line.Append((byte)';');
        }
        if (choice.Modify)
        {
            line.Append("modify="u8);
            ListingDate.AppendMlsx(ref line, new DateTime(modifiedTicks, DateTimeKind.Utc));
            line.Append((byte)';');
        }
        if (choice.Perm)
        {
            line.Append("perm="u8);
            line.Append((isDirectory ? DirectoryPerms : FilePerms)[(int)(rights & FileRights.All)]);
            line.Append((byte)';');
        }
        if (choice.Unique)
        {
            line.Append("unique="u8);
            line.AppendHex(uniqueKey);
            line.Append((byte)';');
        }
        line.Append((byte)' ');
    }

    private static byte[][] PermTable(bool isDirectory) =>
    [
        .. Enumerable.Range(0, (int)FileRights.All + 1).Select(r =>
        {
            var rights = (FileRights)r;
            return Encoding.ASCII.GetBytes(isDirectory
                ? (rights.HasFlag(FileRights.Lookup) ? "el" : "") + (rights.HasFlag(FileRights.Insert) ? "cm" : "") + (rights.HasFlag(FileRights.Delete) ? "dfp" : "")
                : (rights.HasFlag(FileRights.Read) ? "r" : "") + (rights.HasFlag(FileRights.Write) ? "wa" : "") + (rights.HasFlag(FileRights.Delete) ? "df" : ""));
        }),
    ];

    private sealed class FactChoice(IReadOnlySet<string> facts)
    {
        public IReadOnlySet<string> Facts { get; } = facts;

        public bool Type { get; } = facts.Contains("type");

        public bool Size { get; } = facts.Contains("size");

        public bool Modify { get; } = facts.Contains("modify");

        public bool Perm { get; } = facts.Contains("perm");

        public bool Unique { get; } = facts.Contains("unique");
    }
}
