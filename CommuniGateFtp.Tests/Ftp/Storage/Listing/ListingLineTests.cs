using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Tests.Ftp.Storage.Listing;

/// <summary>
/// LIST and MLSx lines written piece by piece into the buffer are byte for byte what the format strings of LST-LS and
/// LST-MLSX give (the earlier implementation, kept here as the oracle), over every set of rights, dates on both sides of
/// the 180-day window, sizes of every width, odd owners and names.
/// </summary>
public sealed class ListingLineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Seeds() => [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ls_lines_equal_the_format_string(int seed)
    {
        foreach (var entry in Entries(seed))
        {
            Assert.Equal(Oracle.Ls(entry, Now), LsFormatter.Format(entry, Now));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mlsx_lines_equal_the_format_string_for_every_choice_of_facts(int seed)
    {
        var random = new Random(seed);
        foreach (var entry in Entries(seed))
        {
            var facts = MlstFacts.Ordered.Where(_ => random.Next(3) > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.Equal(Oracle.Mlsx(entry, facts), MlsxFormatter.Format(entry, facts));
            Assert.Equal(Oracle.Mlsx(entry, facts, "cdir", "."), MlsxFormatter.Format(entry, facts, "cdir", "."));
        }
    }

    [Fact]
    public void A_line_that_does_not_fit_is_refused_at_every_length()
    {
        var entry = Entries(5).First(e => !e.IsDirectory && e.Name == "Grüße.txt");
        var ls = Encoding.UTF8.GetBytes(Oracle.Ls(entry, Now));
        var mlsx = Encoding.UTF8.GetBytes(Oracle.Mlsx(entry, MlstFacts.All));
        for (var room = 0; room <= Math.Max(ls.Length, mlsx.Length); room++)
        {
            Assert.Equal(room >= ls.Length, LsFormatter.TryFormat(entry, Now, new byte[room], out _));
            Assert.Equal(room >= mlsx.Length, MlsxFormatter.TryFormat(entry, MlstFacts.All, new byte[room], out _));
        }
        var exact = new byte[ls.Length];
        Assert.True(LsFormatter.TryFormat(entry, Now, exact, out var written));
        Assert.Equal(ls, exact[..written]);
    }

    private static IEnumerable<StorageEntry> Entries(int seed)
    {
        var random = new Random(seed);
        string[] owners = ["alice", "a", "averyverylongowner", "jürgen", ""];
        string[] names = ["x", "report 2026.pdf", "Grüße.txt", "日本語", "\U0001F600 smile", "broken\uD800half", "tab\there"];
        for (var i = 0; i < 400; i++)
        {
            var rights = (FileRights)(i % ((int)FileRights.All + 1));
            var modified = Now.AddSeconds(random.NextInt64(-40L * 365 * 86400, 3 * 86400)).AddTicks(random.Next(10_000_000));
            if (i % 50 == 0)
            {
                modified = new DateTimeOffset(random.Next(1, 999), 1, 2, 3, 4, 5, TimeSpan.Zero); // years below 1000 keep 4 digits
            }
            var size = i % 7 == 0 ? long.MaxValue : (long)Math.Pow(10, random.Next(0, 18)) + random.Next(10);
            yield return new StorageEntry(names[i % names.Length], i % 3 == 0, i % 3 == 0 ? 0 : size, modified, owners[i % owners.Length], rights,
                (ulong)random.NextInt64() * 3);
        }
    }

    // The format strings as they were written before the lines were assembled piece by piece.
    private static class Oracle
    {
        public static string Ls(StorageEntry entry, DateTimeOffset now)
        {
            var perm = Triple(entry);
            var type = entry.IsDirectory ? 'd' : '-';
            var modified = entry.Modified.UtcDateTime;
            var invariant = CultureInfo.InvariantCulture;
            var buffer = new byte[4096];
            var ok = now - entry.Modified < TimeSpan.FromDays(180) && entry.Modified <= now + TimeSpan.FromDays(1)
                ? Utf8.TryWrite(buffer, invariant, $"{type}{perm}{perm}{perm} 1 {entry.Owner,-8} ftp {entry.Size,12} {modified:MMM dd HH:mm} {entry.Name}", out var written)
                : Utf8.TryWrite(buffer, invariant, $"{type}{perm}{perm}{perm} 1 {entry.Owner,-8} ftp {entry.Size,12} {modified:MMM dd  yyyy} {entry.Name}", out written);
            Assert.True(ok);
            return Encoding.UTF8.GetString(buffer, 0, written);
        }

        public static string Mlsx(StorageEntry entry, IReadOnlySet<string> facts, string? type = null, string? name = null)
        {
            var invariant = CultureInfo.InvariantCulture;
            var buffer = new byte[4096];
            var written = 0;
            foreach (var fact in MlstFacts.Ordered.Where(facts.Contains))
            {
                int n;
                Assert.True(fact switch
                {
                    "type" => Utf8.TryWrite(buffer.AsSpan(written), invariant, $"type={type ?? (entry.IsDirectory ? "dir" : "file")};", out n),
                    "size" when !entry.IsDirectory => Utf8.TryWrite(buffer.AsSpan(written), invariant, $"size={entry.Size};", out n),
                    "modify" => Utf8.TryWrite(buffer.AsSpan(written), invariant, $"modify={entry.Modified.UtcDateTime:yyyyMMddHHmmss};", out n),
                    "perm" => Utf8.TryWrite(buffer.AsSpan(written), invariant, $"perm={Perm(entry)};", out n),
                    "unique" => Utf8.TryWrite(buffer.AsSpan(written), invariant, $"unique={entry.UniqueKey:x16};", out n),
                    _ => Nothing(out n),
                });
                written += n;
            }
            Assert.True(Utf8.TryWrite(buffer.AsSpan(written), invariant, $" {name ?? entry.Name}", out var tail));
            return Encoding.UTF8.GetString(buffer, 0, written + tail);
        }

        private static bool Nothing(out int n)
        {
            n = 0;
            return true;
        }

        private static string Triple(StorageEntry entry)
        {
            var rights = entry.Rights;
            var read = rights.HasFlag(FileRights.Read) || (entry.IsDirectory && rights.HasFlag(FileRights.Lookup)) ? 'r' : '-';
            var write = rights.HasFlag(FileRights.Write) || rights.HasFlag(FileRights.Insert) ? 'w' : '-';
            var execute = entry.IsDirectory && rights.HasFlag(FileRights.Lookup) ? 'x' : '-';
            return $"{read}{write}{execute}";
        }

        private static string Perm(StorageEntry entry)
        {
            var rights = entry.Rights;
            return entry.IsDirectory
                ? (rights.HasFlag(FileRights.Lookup) ? "el" : "") + (rights.HasFlag(FileRights.Insert) ? "cm" : "") + (rights.HasFlag(FileRights.Delete) ? "dfp" : "")
                : (rights.HasFlag(FileRights.Read) ? "r" : "") + (rights.HasFlag(FileRights.Write) ? "wa" : "") + (rights.HasFlag(FileRights.Delete) ? "df" : "");
        }
    }
}
