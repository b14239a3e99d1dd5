using System.Text;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Tests.Ftp.Storage;

/// <summary>
/// The one-pass directory read behind LIST, MLSD and NLST (readdir + statx): the same facts .NET reports for each item,
/// links never listed (SEC-TRAVERSAL), names as written, ordinal order, rights from the caller's look-up.
/// </summary>
public sealed class DirectoryEntriesTests : IDisposable
{
    private static readonly VirtualPath Listed = VirtualPath.Root.Append("listed");

    private readonly string _root = Directory.CreateTempSubdirectory("cgftp-entries-").FullName;
    private readonly string _directory;
    private readonly StorageArea _area;

    public DirectoryEntriesTests()
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
        Assert.Equal(["plain.txt"], _area.Names(Listed));
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
        Assert.Equal(expected, _area.Names(Listed));
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
    public void Many_entries_come_back_whole_and_sorted()
    {
        var names = Enumerable.Range(0, 3000).Select(i => $"entry{(i * 7919) % 3000:00000}").ToArray();
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(_directory, name), "");
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), _area.Names(Listed));
        Assert.Equal(names.Order(StringComparer.Ordinal), _area.List(Listed).Select(e => e.Name));
    }
}
