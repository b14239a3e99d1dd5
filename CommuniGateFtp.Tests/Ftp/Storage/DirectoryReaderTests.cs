using System.Runtime.InteropServices;
using System.Text;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;
using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Tests.Ftp.Storage;

/// <summary>
/// The one-pass directory read behind LIST, MLSD and NLST (readdir + statx into a pooled <see cref="DirectoryListing"/>):
/// the same facts .NET reports for each item, links never listed (SEC-TRAVERSAL), names as written (ill-formed UTF-8 as
/// a string of it would send it), ordinal order, rights from the caller's look-up, lines equal to the entries' lines.
/// </summary>
public sealed class DirectoryReaderTests : IDisposable
{
    private static readonly VirtualPath Listed = VirtualPath.Root.Append("listed");

    private readonly string _root = Directory.CreateTempSubdirectory("cgftp-entries-").FullName;
    private readonly string _directory;
    private readonly StorageArea _area;

    public DirectoryReaderTests()
    {
        _directory = Directory.CreateDirectory(Path.Combine(_root, "listed")).FullName;
        _area = new StorageArea(_root, Path.Combine(_root, ".staging"), "alice", FileRights.All);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Sizes_times_and_unique_keys_equal_what_a_single_look_up_reports()
    {
        File.WriteAllBytes(Path.Combine(_directory, "big.bin"), new byte[123_457]);
        File.WriteAllText(Path.Combine(_directory, "empty.txt"), "");
        File.SetLastWriteTimeUtc(Path.Combine(_directory, "empty.txt"), new DateTime(2001, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc).AddTicks(1234));
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        File.WriteAllText(Path.Combine(_directory, "sub", "inside.txt"), "not listed: one level only");

        var entries = _area.List(Listed);

        Assert.Equal(["big.bin", "empty.txt", "sub"], entries.Select(e => e.Name));
        foreach (var entry in entries)
        {
            var path = Path.Combine(_directory, entry.Name);
            FileSystemInfo info = entry.IsDirectory ? new DirectoryInfo(path) : new FileInfo(path);
            Assert.True(info.Exists);
            Assert.Equal(info is FileInfo file ? file.Length : 0, entry.Size);
            Assert.Equal(info.LastWriteTimeUtc, entry.Modified.UtcDateTime);
            Assert.Equal(_area.Find(Listed.Append(entry.Name)), entry); // MLST and MLSD agree, unique included
        }
    }

    [Fact]
    public void Links_to_files_directories_and_nowhere_are_left_out()
    {
        File.WriteAllText(Path.Combine(_directory, "plain.txt"), "plain");
        File.CreateSymbolicLink(Path.Combine(_directory, "to-file"), Path.Combine(_directory, "plain.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_directory, "to-directory"), _root);
        File.CreateSymbolicLink(Path.Combine(_directory, "dangling"), Path.Combine(_root, "missing"));

        Assert.Equal(["plain.txt"], _area.List(Listed).Select(e => e.Name));
        Assert.Equal(["plain.txt"], Names());
    }

    [Fact]
    public void Non_ascii_names_come_back_as_written_in_ordinal_order()
    {
        // U+1F600 sorts before U+FF21 by UTF-16 code units (ordinal) but after it by code point: the order stays ordinal.
        string[] names = ["Grüße.txt", "日本語.txt", "\U0001F600.txt", "\uFF21.txt", "B", "a", "é"];
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(_directory, name), name);
        }
        string[] expected = [.. names.Order(StringComparer.Ordinal)];

        Assert.Equal(expected, _area.List(Listed).Select(e => e.Name));
        Assert.Equal(expected, Names());
        Assert.Equal(Encoding.UTF8.GetByteCount("Grüße.txt"), _area.List(Listed).Single(e => e.Name == "Grüße.txt").Size);
    }

    [Fact]
    public void Each_entry_carries_the_rights_the_caller_has_on_it()
    {
        File.WriteAllText(Path.Combine(_directory, "open.txt"), "");
        File.WriteAllText(Path.Combine(_directory, "shared.txt"), "");

        var entries = _area.List(Listed, name => name == "shared.txt" ? FileRights.Lookup | FileRights.Read | FileRights.Write : FileRights.Lookup);

        Assert.Equal([FileRights.Lookup, FileRights.Lookup | FileRights.Read | FileRights.Write], entries.Select(e => e.Rights));
        Assert.All(_area.List(Listed), e => Assert.Equal(FileRights.All, e.Rights));
    }

    [Fact]
    public void Statx_tells_files_directories_and_links_apart_where_readdir_does_not_say()
    {
        File.WriteAllText(Path.Combine(_directory, "file"), "");
        Directory.CreateDirectory(Path.Combine(_directory, "directory"));
        File.CreateSymbolicLink(Path.Combine(_directory, "link"), Path.Combine(_directory, "directory"));

        using var reader = LinuxDirectory.TryOpen(_directory);
        Assert.NotNull(reader);
        var kinds = new Dictionary<string, EntryKind>();
        while (reader.MoveNext())
        {
            Assert.True(reader.TryStat(out var facts));
            kinds.Add(Encoding.UTF8.GetString(reader.Name), facts.Kind);
        }

        Assert.Equal(new Dictionary<string, EntryKind> { ["directory"] = EntryKind.Directory, ["file"] = EntryKind.File, ["link"] = EntryKind.Link }, kinds);
    }

    [Fact]
    public void Twenty_thousand_names_come_back_in_ordinal_order()
    {
        // Names that share a prefix, tie on the sort key (the eight bytes after it) and differ only after it, are
        // prefixes of one another, and mix ASCII with two-, three- and four-byte characters.
        string[] tails = ["", "a", "aaaaaaaa", "aaaaaaaa1", "aaaaaaaa2", "aaaaaaab", "é", "\uFF21", "\U0001F600", "\uE000"];
        var random = new Random(20_000);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < 20_000)
        {
            names.Add($"entry{random.Next(100_000):00000}" + tails[random.Next(tails.Length)] + tails[random.Next(tails.Length)]);
        }
        foreach (var name in names)
        {
            File.WriteAllBytes(Path.Combine(_directory, name), new byte[name.Length % 13]); // a size per name
        }

        var expected = names.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, Names());
        var entries = _area.List(Listed); // stat'ed on several threads: each entry must still get its own facts
        Assert.Equal(expected, entries.Select(e => e.Name));
        Assert.Equal(expected.Select(n => (long)(n.Length % 13)), entries.Select(e => e.Size));
    }

    [Fact]
    public void An_empty_directory_lists_nothing()
    {
        using var listing = _area.ReadListing(Listed, withFacts: true);

        Assert.Equal(0, listing.Count);
        Assert.Empty(Names());
    }

    [Fact]
    public void Names_that_are_not_utf8_come_back_as_a_string_of_them_sends_them()
    {
        byte[][] raw = [[0x62, 0x61, 0x64, 0xFF, 0xFE], [0x62, 0x61, 0x64, 0xC3], [0xED, 0xA0, 0x80, 0x78], [0xF4, 0x90, 0x80, 0x80], [.. Enumerable.Repeat((byte)0xFF, 200)],
            "ok.txt"u8.ToArray(), "Grüße"u8.ToArray()];
        byte[][] paths = [.. raw.Select(name => (byte[])[.. Encoding.UTF8.GetBytes(_directory + "/"), .. name, 0])];
        var expected = raw.Select(n => Encoding.UTF8.GetString(n)).Order(StringComparer.Ordinal).ToArray();
        try
        {
            foreach (var path in paths)
            {
                var descriptor = Create(path, Convert.ToInt32("644", 8));
                Assert.True(descriptor >= 0, $"creat failed (errno {Marshal.GetLastPInvokeError()})");
                _ = Close(descriptor);
            }

            using var listing = _area.ReadListing(Listed, withFacts: false);

            Assert.Equal(expected, Names());
            Assert.Equal(expected.Select(Encoding.UTF8.GetBytes), Enumerable.Range(0, listing.Count).Select(i => listing.NameAt(i).ToArray()));
            Assert.Equal(expected, _area.List(Listed).Select(e => e.Name));
        }
        finally
        {
            foreach (var path in paths)
            {
                _ = Unlink(path); // .NET cannot name them to delete them (200 U+FFFD are 600 bytes)
            }
        }
    }

    [Fact]
    public void Lines_from_the_names_bytes_equal_the_lines_of_the_entries()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var name in (string[])["Grüße.txt", "日本語", "\U0001F600 smile", "plain", "tab\there", "with\r\nline"])
        {
            File.WriteAllText(Path.Combine(_directory, name), name);
        }
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        File.SetLastWriteTimeUtc(Path.Combine(_directory, "plain"), new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc));
        Func<string, FileRights> rightsOf = name => (FileRights)(name.Length % ((int)FileRights.All + 1));
        HashSet<string>[] factSets = [[.. MlstFacts.All], ["type", "size"], [], ["unique", "perm"]];

        var entries = _area.List(Listed, rightsOf);
        using var listing = _area.ReadListing(Listed, withFacts: true, rightsOf);

        Assert.Equal(entries.Count, listing.Count);
        var buffer = new byte[4096];
        for (var i = 0; i < listing.Count; i++)
        {
            Assert.True(LsFormatter.TryFormat(listing, i, now, buffer, out var written));
            Assert.Equal(LsFormatter.Format(entries[i], now), Encoding.UTF8.GetString(buffer, 0, written));
            foreach (var facts in factSets)
            {
                Assert.True(MlsxFormatter.TryFormat(listing, i, facts, buffer, out written));
                Assert.Equal(MlsxFormatter.Format(entries[i], facts), Encoding.UTF8.GetString(buffer, 0, written));
            }
        }
    }

    [Fact]
    public void The_portable_enumeration_lists_what_readdir_lists()
    {
        foreach (var name in (string[])["b.txt", "Grüße.txt", "\U0001F600", "\uFF21", "a"])
        {
            File.WriteAllText(Path.Combine(_directory, name), name);
        }
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        File.CreateSymbolicLink(Path.Combine(_directory, "link"), Path.Combine(_directory, "a"));
        File.CreateSymbolicLink(Path.Combine(_directory, "dangling"), Path.Combine(_root, "missing"));

        using var native = _area.ReadListing(Listed, withFacts: true);
        using var portable = new DirectoryListing(_directory, "alice", FileRights.All);
        DirectoryReader.ReadPortable(_directory, portable);
        portable.Sort();

        Assert.Equal(Describe(native), Describe(portable));
        Assert.Equal(["Grüße.txt", "a", "b.txt", "sub", "\U0001F600", "\uFF21"], Enumerable.Range(0, portable.Count).Select(portable.NameTextAt));
    }

    private static string[] Describe(DirectoryListing listing) =>
    [
        .. Enumerable.Range(0, listing.Count).Select(i =>
            $"{listing.NameTextAt(i)} {listing.FactsAt(i).Kind} {(listing.FactsAt(i).Kind == EntryKind.File ? listing.FactsAt(i).Size : 0)} {listing.FactsAt(i).ModifiedTicks} {listing.UniqueKeyAt(i)}"),
    ];

    private string[] Names()
    {
        using var listing = _area.ReadListing(Listed, withFacts: false);
        return [.. Enumerable.Range(0, listing.Count).Select(listing.NameTextAt)];
    }

    // .NET's file APIs cannot make or remove a name that is not UTF-8; the C library can.
    [DllImport("libc", EntryPoint = "creat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Create(byte[] path, int mode);

    [DllImport("libc", EntryPoint = "close")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int descriptor);

    [DllImport("libc", EntryPoint = "unlink")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Unlink(byte[] path);
}
