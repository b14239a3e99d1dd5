using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Native;

namespace CommuniGateFtp.Tests.Ftp.Storage;

/// <summary>
/// <see cref="StorageArea.Find"/> answers from one <c>statx</c> on Linux: for every kind of item it must say exactly what
/// .NET's file-system objects say (<see cref="StorageArea.FindPortably"/>), links never followed (SEC-TRAVERSAL).
/// </summary>
public sealed class StorageAreaLookUpTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cgftp-lookup-").FullName;
    private readonly StorageArea _area;

    public StorageAreaLookUpTests()
    {
        _area = new StorageArea(_root, Path.Combine(_root, ".staging"), "alice", FileRights.All);
        File.WriteAllBytes(Path.Combine(_root, "plain.bin"), new byte[12345]);
        File.WriteAllText(Path.Combine(_root, "empty.txt"), "");
        File.WriteAllText(Path.Combine(_root, "naïve ünïcode.txt"), "x");
        Directory.CreateDirectory(Path.Combine(_root, "sub", "deeper"));
        File.WriteAllText(Path.Combine(_root, "sub", "inner.txt"), "inner");
        File.CreateSymbolicLink(Path.Combine(_root, "to-file"), Path.Combine(_root, "plain.bin"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "to-directory"), Path.Combine(_root, "sub"));
        File.CreateSymbolicLink(Path.Combine(_root, "dangling"), Path.Combine(_root, "missing"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Paths() =>
    [
        "", "plain.bin", "empty.txt", "naïve ünïcode.txt", "sub", "sub/deeper", "sub/inner.txt", "to-file", "to-directory",
        "dangling", "missing", "sub/missing", "plain.bin/under-a-file", "to-directory/inner.txt", "to-directory/deeper",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public void One_statx_says_what_the_portable_look_up_says(string relative)
    {
        RequireLinux();
        var path = Virtual(relative);

        var found = _area.Find(path);

        var fullPath = Path.GetFullPath(_area.FullPath(path));
        var portable = PathIsFree(relative) ? _area.FindPortably(fullPath, path.IsRoot ? "/" : path.Name) : null;
        Assert.Equal(portable, found);
    }

    [Fact]
    public void Links_and_what_lies_behind_them_are_not_found()
    {
        RequireLinux();
        Assert.Null(_area.Find(Virtual("to-file")));
        Assert.Null(_area.Find(Virtual("to-directory")));
        Assert.Null(_area.Find(Virtual("dangling")));
        Assert.Null(_area.Find(Virtual("to-directory/inner.txt")));
        Assert.Equal(12345, _area.Find(Virtual("plain.bin"))!.Size);
        Assert.True(_area.Find(Virtual("sub/deeper"))!.IsDirectory);
    }

    [Fact]
    public void A_path_longer_than_the_stack_buffer_is_looked_up_too()
    {
        RequireLinux();
        var segments = Enumerable.Range(0, 6).Select(i => new string((char)('a' + i), 200)).ToArray();
        Directory.CreateDirectory(Path.Combine([_root, .. segments]));
        File.WriteAllBytes(Path.Combine([_root, .. segments, "leaf.bin"]), new byte[77]);
        var path = Virtual(string.Join('/', [.. segments, "leaf.bin"]));
        Assert.True(_area.FullPath(path).Length > 1024);

        var found = _area.Find(path);

        Assert.Equal(77, found!.Size);
        Assert.Equal(_area.FindPortably(_area.FullPath(path), "leaf.bin"), found);
    }

    [Fact]
    public void A_named_pipe_is_found_as_a_file_as_the_portable_look_up_finds_it()
    {
        RequireLinux();
        var fifo = Path.Combine(_root, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var found = _area.Find(Virtual("pipe"));

        Assert.NotNull(found);
        Assert.False(found.IsDirectory);
        Assert.Equal(_area.FindPortably(fifo, "pipe"), found);
    }

    [Fact]
    public void A_path_with_a_nul_finds_nothing()
    {
        RequireLinux();
        Assert.True(LinuxDirectory.TryLookUp(Path.Combine(_root, "plain.bin") + "\0/etc/passwd", out var facts));
        Assert.Null(facts);
    }

    private static VirtualPath Virtual(string relative) =>
        relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(VirtualPath.Root, (path, name) => path.Append(name));

    // The portable look-up of the item alone: every directory on the way must be a real one (Find checks that first).
    private bool PathIsFree(string relative)
    {
        var current = _root;
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
        {
            current = Path.Combine(current, segment);
            if (new DirectoryInfo(current) is not { Exists: true, LinkTarget: null })
            {
                return false;
            }
        }
        return true;
    }

    private static void RequireLinux() => Assert.SkipUnless(OperatingSystem.IsLinux(), "the one-call look-up is Linux's statx");
}
