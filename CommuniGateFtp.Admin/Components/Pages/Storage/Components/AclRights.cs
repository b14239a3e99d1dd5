namespace CommuniGateFtp.Admin.Components.Pages.Storage.Components;

/// <summary>The rights letters (FS-RIGHTS) and what each lets a grantee do, as the ACL editor and the explainer show them.</summary>
public static class AclRights
{
    public static readonly IReadOnlyList<(char Letter, string Meaning)> Letters =
    [
        ('l', "lookup: list, CWD"),
        ('r', "read: RETR, SIZE, MDTM"),
        ('w', "write: overwrite, append, resume"),
        ('i', "insert: new files and directories"),
        ('d', "delete: DELE, RMD, rename from"),
        ('a', "administer: change this ACL"),
    ];

    /// <summary>"lr" → "lookup, read".</summary>
    public static string Describe(string rights) =>
        rights.Length == 0 ? "none" : string.Join(", ", Letters.Where(l => rights.Contains(l.Letter, StringComparison.Ordinal)).Select(l => l.Meaning.Split(':')[0]));
}
