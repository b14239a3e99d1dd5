using System.Runtime.CompilerServices;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Tests.Ftp.Storage;

/// <summary>LIST, MLSD and MLST lines pinned by golden files (set UPDATE_GOLDEN=1 to rewrite after a deliberate change).</summary>
public sealed class ListingGoldenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly StorageEntry[] Entries =
    [
        new("docs", true, 0, new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero), "alice", FileRights.All, 0xa1),
        new("private", true, 0, new DateTimeOffset(2024, 2, 29, 23, 59, 0, TimeSpan.Zero), "alice", FileRights.Lookup, 0xa2),
        new("report 2026.pdf", false, 1234567, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), "alice", FileRights.All, 0xa3),
        new("Grüße.txt", false, 0, new DateTimeOffset(2025, 1, 5, 9, 7, 0, TimeSpan.Zero), "alice", FileRights.Lookup | FileRights.Read, 0xa4),
    ];

    [Fact]
    public void List_lines_match_the_golden_file() =>
        AssertGolden("list.txt", Entries.Select(e => LsFormatter.Format(e, Now)));

    [Fact]
    public void Mlsd_lines_match_the_golden_file() =>
        AssertGolden("mlsd.txt", Entries.Select(e => MlsxFormatter.Format(e, MlstFacts.All)).Prepend(MlsxFormatter.Format(Entries[0], MlstFacts.All, "cdir", ".")));

    [Fact]
    public void Mlst_with_chosen_facts_matches_the_golden_file() =>
        AssertGolden("mlst-type-size.txt", Entries.Select(e => MlsxFormatter.Format(e, new HashSet<string> { "type", "size" }, name: "/" + e.Name)));

    private static void AssertGolden(string name, IEnumerable<string> lines, [CallerFilePath] string here = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(here)!, "Golden", name);
        var actual = string.Join("\n", lines) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
