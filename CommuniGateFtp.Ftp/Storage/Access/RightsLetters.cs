namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>FS-RIGHTS letters: <c>l</c> lookup, <c>r</c> read, <c>w</c> write, <c>i</c> insert, <c>d</c> delete, <c>a</c> administer.</summary>
public static class RightsLetters
{
    private static readonly (char Letter, FileRights Right)[] Letters =
    [
        ('l', FileRights.Lookup), ('r', FileRights.Read), ('w', FileRights.Write),
        ('i', FileRights.Insert), ('d', FileRights.Delete), ('a', FileRights.Administer),
    ];

    /// <summary>The letters of <paramref name="rights"/> in the order <c>lrwida</c>; empty for none.</summary>
    public static string Format(FileRights rights) =>
        new([.. Letters.Where(l => rights.HasFlag(l.Right)).Select(l => l.Letter)]);

    /// <summary>Letters in any order, case-insensitive; false for any other character.</summary>
    public static bool TryParse(string? text, out FileRights rights)
    {
        rights = FileRights.None;
        foreach (var c in text ?? "")
        {
            var match = Array.FindIndex(Letters, l => l.Letter == char.ToLowerInvariant(c));
            if (match < 0)
            {
                return false;
            }
            rights |= Letters[match].Right;
        }
        return true;
    }
}
