using System.Globalization;
using System.Text;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>MLSD/MLST fact lines (LST-MLSX, RFC 3659 7): <c>type=file;size=1;modify=…;perm=…;unique=…; name</c>. Pure.</summary>
public static class MlsxFormatter
{
    /// <param name="type">Overrides the type fact, e.g. <c>cdir</c> for the listed directory itself.</param>
    public static string Format(StorageEntry entry, IReadOnlySet<string> facts, string? type = null, string? name = null)
    {
        var line = new StringBuilder();
        foreach (var fact in MlstFacts.Ordered.Where(facts.Contains))
        {
            var value = fact switch
            {
                "type" => type ?? (entry.IsDirectory ? "dir" : "file"),
                "size" when !entry.IsDirectory => entry.Size.ToString(CultureInfo.InvariantCulture),
                "modify" => entry.Modified.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
                "perm" => Permissions(entry),
                "unique" => entry.UniqueId,
                _ => null,
            };
            if (value is not null)
            {
                line.Append(fact).Append('=').Append(value).Append(';');
            }
        }
        return line.Append(' ').Append(name ?? entry.Name).ToString();
    }

    private static string Permissions(StorageEntry entry)
    {
        var rights = entry.Rights;
        var perm = new StringBuilder();
        if (entry.IsDirectory)
        {
            Add(rights.HasFlag(FileRights.Lookup), "el");
            Add(rights.HasFlag(FileRights.Insert), "cm");
            Add(rights.HasFlag(FileRights.Delete), "dfp");
        }
        else
        {
            Add(rights.HasFlag(FileRights.Read), "r");
            Add(rights.HasFlag(FileRights.Write), "wa");
            Add(rights.HasFlag(FileRights.Delete), "df");
        }
        return perm.ToString();

        void Add(bool granted, string letters)
        {
            if (granted)
            {
                perm.Append(letters);
            }
        }
    }
}
