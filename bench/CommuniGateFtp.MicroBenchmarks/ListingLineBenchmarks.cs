using BenchmarkDotNet.Attributes;
using CommuniGateFtp.Ftp.Commands.Listing;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.MicroBenchmarks;

/// <summary>
/// The per-entry work of LIST, MLSD and NLST: one line formatted into the data connection's buffer, and a 1,000-entry listing encoded into the data
/// connection's chunks (<see cref="ListingBody"/>), the same for names only (NLST).
/// </summary>
[MemoryDiagnoser]
public class ListingLineBenchmarks
{
    private const int Entries = 1000;
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> AllFacts = MlstFacts.All;

    private readonly StorageEntry _file = new("entry00042.txt", false, 4096, Now.AddHours(-3), "cgbench", FileRights.All, 0x9f3c2a1b7d6e5f40);
    private readonly byte[] _line = new byte[512];
    private StorageEntry[] _entries = [];
    private string[] _names = [];
    private FtpTransfer _transfer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _entries = [.. Enumerable.Range(0, Entries).Select(i => _file with { Name = $"entry{i:00000}.txt" })];
        _names = [.. _entries.Select(e => e.Name)];
        _transfer = new FtpTransfer("LIST", "/", TransferDirection.Send, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => _transfer.Dispose();

    [Benchmark(Baseline = true)]
    public int LsLine() => LsFormatter.TryFormat(_file, Now, _line, out var written) ? written : -1;

    [Benchmark]
    public int MlsdLine() => MlsxFormatter.TryFormat(_file, AllFacts, _line, out var written) ? written : -1;

    [Benchmark(OperationsPerInvoke = Entries)]
    public Task ListBody() =>
        ListingBody.For(_entries, (e, destination, out written) => LsFormatter.TryFormat(e, Now, destination, out written))(Stream.Null, _transfer,
            TimeSpan.FromMinutes(1), CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Entries)]
    public Task MlsdBody() =>
        ListingBody.For(_entries, (e, destination, out written) => MlsxFormatter.TryFormat(e, AllFacts, destination, out written))(Stream.Null, _transfer,
            TimeSpan.FromMinutes(1), CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Entries)]
    public Task NlstBody() => ListingBody.For(_names)(Stream.Null, _transfer, TimeSpan.FromMinutes(1), CancellationToken.None);
}
