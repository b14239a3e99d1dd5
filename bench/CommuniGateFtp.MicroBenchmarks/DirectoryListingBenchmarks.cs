using BenchmarkDotNet.Attributes;
using CommuniGateFtp.Ftp.Commands.Listing;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.MicroBenchmarks;

/// <summary>
/// The directory side of LIST/MLSD and NLST, per entry of a real directory of 2,000 files (the system calls are in the
/// figures, warm page cache): the directory read into a pooled <see cref="DirectoryListing"/> with facts (LIST, MLSD) and
/// names alone (NLST); each whole listing, read and written into the data connection's chunks; and the entries as
/// objects (<see cref="StorageArea.List"/>, what STAT and the management API use).
/// </summary>
[MemoryDiagnoser]
public class DirectoryListingBenchmarks
{
    private const int Entries = 2000;
    private static readonly VirtualPath Directory = VirtualPath.Root.Append("list");
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private string _root = "";
    private StorageArea _area = null!;
    private FtpTransfer _transfer = null!;

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
        _transfer = new FtpTransfer("LIST", "/", TransferDirection.Send, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _transfer.Dispose();
        System.IO.Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Entries)]
    public int Listing()
    {
        using var listing = _area.ReadListing(Directory, withFacts: true);
        return listing.Count;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public int Names()
    {
        using var listing = _area.ReadListing(Directory, withFacts: false);
        return listing.Count;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public int EntryObjects() => _area.List(Directory).Count;

    [Benchmark(OperationsPerInvoke = Entries)]
    public async Task<long> ListListing()
    {
        using var listing = _area.ReadListing(Directory, withFacts: true);
        await ListingBody.For(listing.Count, (i, destination, out written) => LsFormatter.TryFormat(listing, i, Now, destination, out written))(
            Stream.Null, _transfer, TimeSpan.FromMinutes(1), CancellationToken.None);
        return _transfer.Bytes;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public async Task<long> MlsdListing()
    {
        using var listing = _area.ReadListing(Directory, withFacts: true);
        await ListingBody.For(listing.Count, (i, destination, out written) => MlsxFormatter.TryFormat(listing, i, MlstFacts.All, destination, out written))(
            Stream.Null, _transfer, TimeSpan.FromMinutes(1), CancellationToken.None);
        return _transfer.Bytes;
    }

    [Benchmark(OperationsPerInvoke = Entries)]
    public async Task<long> NlstListing()
    {
        using var listing = _area.ReadListing(Directory, withFacts: false);
        await ListingBody.For(listing.Count, listing.TryWriteName)(Stream.Null, _transfer, TimeSpan.FromMinutes(1), CancellationToken.None);
        return _transfer.Bytes;
    }
}
