using BenchmarkDotNet.Attributes;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.MicroBenchmarks;

/// <summary>
/// The directory side of LIST/MLSD and NLST, per entry of a real directory of 2,000 files: one read with each entry's
/// facts, rights and <c>unique</c> key, sorted (<see cref="StorageArea.List"/>), and the names alone, sorted
/// (<see cref="StorageArea.Names"/>). The system calls are in the figures (warm page cache).
/// </summary>
[MemoryDiagnoser]
public class DirectoryListingBenchmarks
{
    private const int Entries = 2000;
    private static readonly VirtualPath Directory = VirtualPath.Root.Append("list");

    private string _root = "";
    private StorageArea _area = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = System.IO.Directory.CreateTempSubdirectory("cgftp-listing-bench-").FullName;
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(_root, "list")).FullName;
        // Shuffled names, so the sort does real work whatever order the file system returns them in.
        foreach (var i in Enumerable.Range(0, Entries).OrderBy(i => (i * 7919) % Entries))
        {
            File.WriteAllText(Path.Combine(directory, $"entry{i:00000}.txt"), "x");
        }
        _area = new StorageArea(_root, Path.Combine(_root, ".staging"), "bench", FileRights.All);
    }

    [GlobalCleanup]
    public void Cleanup() => System.IO.Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, OperationsPerInvoke = Entries)]
    public int List() => _area.List(Directory).Count;

    [Benchmark(OperationsPerInvoke = Entries)]
    public int Names() => _area.Names(Directory).Count;
}
