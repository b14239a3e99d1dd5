using System.Globalization;
using System.Text.Unicode;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>
/// MLSD/MLST fact lines (LST-MLSX, RFC 3659 7): <c>type=file;size=1;modify=…;perm=…;unique=…; name</c>. Pure. MLSD
/// writes the lines straight into the data connection's buffer as UTF-8 (<see cref="TryFormat"/>): no string per entry.
/// </summary>
public static class MlsxFormatter
{
    // The perm fact's letters for each set of rights, files and directories apart, made once.
    private static readonly string[] FilePerms = PermTable(isDirectory: false);
    private static readonly string[] DirectoryPerms = PermTable(isDirectory: true);

    /// <param name="type">Overrides the type fact, e.g. <c>cdir</c> for the listed directory itself.</param>
    public static string Format(StorageEntry entry, IReadOnlySet<string> facts, string? type = null, string? name = null) =>
        ListingText.ToText(entry, (facts, type, name), static (e, a, destination, out written) => TryFormat(e, a.facts, destination, out written, a.type, a.name));

    /// <summary>Writes the line (without its line end) as UTF-8; false when <paramref name="destination"/> is too small.</summary>
    public static bool TryFormat(StorageEntry entry, IReadOnlySet<string> facts, Span<byte> destination, out int written, string? type = null,
        string? name = null)
    {
        var invariant = CultureInfo.InvariantCulture;
        written = 0;
        foreach (var fact in MlstFacts.Ordered)
        {
            if (!facts.Contains(fact))
            {
                continue;
            }
            var rest = destination[written..];
            int n;
            var fits = fact switch
            {
                "type" => Utf8.TryWrite(rest, invariant, $"type={type ?? (entry.IsDirectory ? "dir" : "file")};", out n),
                "size" when !entry.IsDirectory => Utf8.TryWrite(rest, invariant, $"size={entry.Size};", out n),
                "modify" => Utf8.TryWrite(rest, invariant, $"modify={entry.Modified.UtcDateTime:yyyyMMddHHmmss};", out n),
                "perm" => Utf8.TryWrite(rest, invariant, $"perm={(entry.IsDirectory ? DirectoryPerms : FilePerms)[(int)(entry.Rights & FileRights.All)]};", out n),
                "unique" => Utf8.TryWrite(rest, invariant, $"unique={entry.UniqueKey:x16};", out n),
                _ => Nothing(out n),
            };
            if (!fits)
            {
                return false;
            }
            written += n;
        }
        if (!Utf8.TryWrite(destination[written..], invariant, $" {name ?? entry.Name}", out var tail))
        {
            return false;
        }
        written += tail;
        return true;
    }

    private static bool Nothing(out int written)
    {
        written = 0;
        return true;
    }

    private static string[] PermTable(bool isDirectory) =>
    [
        .. Enumerable.Range(0, (int)FileRights.All + 1).Select(r =>
        {
            var rights = (FileRights)r;
            return isDirectory
                ? (rights.HasFlag(FileRights.Lookup) ? "el" : "") + (rights.HasFlag(FileRights.Insert) ? "cm" : "") + (rights.HasFlag(FileRights.Delete) ? "dfp" : "")
                : (rights.HasFlag(FileRights.Read) ? "r" : "") + (rights.HasFlag(FileRights.Write) ? "wa" : "") + (rights.HasFlag(FileRights.Delete) ? "df" : "");
        }),
    ];
}
