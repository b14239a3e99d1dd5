using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Native;
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Ftp.Storage;

/// <summary>
/// NLST's kept names of big directories (<see cref="DirectoryNamesCache"/>): served again only while the directory is
/// unchanged, never kept for a directory that changed within the file system's clock granularity, bounded.
/// </summary>
public sealed class DirectoryNamesCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cgftp-names-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_still_big_directory_is_read_once_and_then_served_as_kept_while_unchanged()
    {
        RequireLinux();
        var directory = BigDirectory("big", DirectoryNamesCache.SmallestKept);
        var cache = new DirectoryNamesCache(Later(), 64 << 20);

        var first = Names(directory, cache);
        Assert.True(cache.Bytes > 0);
        Assert.NotNull(cache.Find(directory, Stamp(directory)));
        Assert.Equal(first, Names(directory, cache));
        Assert.Equal(first.Order(StringComparer.Ordinal), first);
    }

    [Fact]
    public void A_listing_with_facts_leaves_the_names_for_the_next_nlst_and_is_never_served_from_them()
    {
        RequireLinux();
        var directory = BigDirectory("listed", DirectoryNamesCache.SmallestKept);
        var cache = new DirectoryNamesCache(Later(), 64 << 20);

        using (var list = DirectoryReader.Read(directory, withFacts: true, "alice", FileRights.All, cache))
        {
            Assert.Equal(DirectoryNamesCache.SmallestKept, list.Count);
        }
        Assert.NotNull(cache.Find(directory, Stamp(directory)));

        // A file's size changes without the directory changing: LIST still reads it.
        File.WriteAllBytes(Path.Combine(directory, "f00002.bin"), new byte[4321]);
        using var again = DirectoryReader.Read(directory, withFacts: true, "alice", FileRights.All, cache);
        var position = Enumerable.Range(0, again.Count).Single(i => again.NameTextAt(i) == "f00002.bin");
        Assert.Equal(4321, again.FactsAt(position).Size);
    }

    [Fact]
    public void Added_removed_and_renamed_entries_show_at_once()
    {
        RequireLinux();
        var directory = BigDirectory("changing", DirectoryNamesCache.SmallestKept);
        var cache = new DirectoryNamesCache(Later(), 64 << 20);
        _ = Names(directory, cache);

        File.WriteAllText(Path.Combine(directory, "added.txt"), "");
        Assert.Contains("added.txt", Names(directory, cache));

        File.Delete(Path.Combine(directory, "f00000.bin"));
        Assert.DoesNotContain("f00000.bin", Names(directory, cache));

        File.Move(Path.Combine(directory, "f00001.bin"), Path.Combine(directory, "renamed.bin"));
        var names = Names(directory, cache);
        Assert.Contains("renamed.bin", names);
        Assert.DoesNotContain("f00001.bin", names);
        Assert.Equal(Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void A_directory_changed_moments_ago_is_not_kept()
    {
        RequireLinux();
        var directory = BigDirectory("fresh", DirectoryNamesCache.SmallestKept);
        var cache = new DirectoryNamesCache(TimeProvider.System, 64 << 20); // the entries were made just now

        _ = Names(directory, cache);

        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Directories_on_a_network_file_system_are_read_every_time()
    {
        RequireLinux();
        var directory = BigDirectory("remote", DirectoryNamesCache.SmallestKept);
        using (var reader = LinuxDirectory.TryOpen(directory)!)
        {
            Assert.True(reader.IsOnLocalFileSystem()); // the test's temporary folder: ext4, tmpfs or overlay
        }
        var cache = new DirectoryNamesCache(Later(), 64 << 20);
        Assert.False(cache.Keeps(Stamp(directory).Device, () => false)); // as an NFS or SMB mount answers

        _ = Names(directory, cache);

        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Small_directories_are_read_every_time()
    {
        RequireLinux();
        var directory = BigDirectory("small", DirectoryNamesCache.SmallestKept - 1);
        var cache = new DirectoryNamesCache(Later(), 64 << 20);

        _ = Names(directory, cache);

        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Beyond_its_bound_the_least_recently_used_directory_goes()
    {
        RequireLinux();
        var one = BigDirectory("one", DirectoryNamesCache.SmallestKept);
        var two = BigDirectory("two", DirectoryNamesCache.SmallestKept);
        var three = BigDirectory("three", DirectoryNamesCache.SmallestKept);
        var probe = new DirectoryNamesCache(Later(), 64 << 20);
        _ = Names(one, probe);
        var cache = new DirectoryNamesCache(Later(), probe.Bytes * 5 / 2); // room for two

        _ = Names(one, cache);
        _ = Names(two, cache);
        _ = Names(one, cache); // one is used again: two is now the least recently used
        _ = Names(three, cache);

        Assert.NotNull(cache.Find(one, Stamp(one)));
        Assert.Null(cache.Find(two, Stamp(two)));
        Assert.NotNull(cache.Find(three, Stamp(three)));
        Assert.True(cache.Bytes <= probe.Bytes * 5 / 2);

        cache.Clear();
        Assert.Equal(0, cache.Bytes);
        Assert.Null(cache.Find(one, Stamp(one)));
    }

    [Fact]
    public void A_quiet_server_drops_only_what_was_not_listed_for_a_while()
    {
        RequireLinux();
        var polled = BigDirectory("polled", DirectoryNamesCache.SmallestKept);
        var forgotten = BigDirectory("forgotten", DirectoryNamesCache.SmallestKept);
        var clock = Later();
        var cache = new DirectoryNamesCache(clock, 64 << 20);
        _ = Names(forgotten, cache);
        _ = Names(polled, cache);

        clock.Advance(DirectoryNamesCache.KeptUnused - TimeSpan.FromMinutes(1));
        _ = Names(polled, cache); // listed again: a client polling it
        clock.Advance(TimeSpan.FromMinutes(2));
        cache.DropUnused(DirectoryNamesCache.KeptUnused);

        Assert.NotNull(cache.Find(polled, Stamp(polled)));
        Assert.Null(cache.Find(forgotten, Stamp(forgotten)));
    }

    private static void RequireLinux() => Assert.SkipUnless(OperatingSystem.IsLinux(), "a directory's stamp comes from Linux's statx");

    // A clock a minute ahead: every directory made by the test counts as still.
    private static FakeTimeProvider Later() => new(DateTimeOffset.UtcNow.AddMinutes(1));

    private string BigDirectory(string name, int entries)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        for (var i = 0; i < entries; i++)
        {
            File.WriteAllBytes(Path.Combine(directory, $"f{i:00000}.bin"), []);
        }
        return directory;
    }

    private static List<string> Names(string directory, DirectoryNamesCache cache)
    {
        using var listing = DirectoryReader.Read(directory, withFacts: false, "alice", FileRights.All, cache);
        return [.. Enumerable.Range(0, listing.Count).Select(listing.NameTextAt)];
    }

    private static DirectoryStamp Stamp(string directory)
    {
        using var reader = LinuxDirectory.TryOpen(directory)!;
        Assert.True(reader.TryStampSelf(out var stamp));
        return stamp;
    }
}
