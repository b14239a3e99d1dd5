namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>The MLST facts this server knows (RFC 3659 7.5), in the order it sends them.</summary>
public static class MlstFacts
{
    public static readonly string[] Ordered = ["type", "size", "modify", "perm", "unique"];

    public static readonly IReadOnlySet<string> All = new HashSet<string>(Ordered, StringComparer.OrdinalIgnoreCase);

    /// <summary>The FEAT line: every fact, each marked with * when it is on for this session.</summary>
    public static string Feature(IReadOnlySet<string> enabled) =>
        "MLST " + string.Concat(Ordered.Select(f => f + (enabled.Contains(f) ? "*;" : ";")));
}
