using System.Text;
using BenchmarkDotNet.Attributes;
using CommuniGateFtp.Ftp.DataChannels;

namespace CommuniGateFtp.MicroBenchmarks;

/// <summary>TYPE A conversion (DATA-ASCII) of one 64 KiB chunk of text lines: LF → CRLF for RETR, CRLF → LF for STOR.</summary>
[MemoryDiagnoser]
public class AsciiConversionBenchmarks
{
    private const int ChunkSize = 64 * 1024;
    private byte[] _unixText = [];
    private byte[] _networkText = [];
    private readonly byte[] _output = new byte[ChunkSize * 2 + 1];

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < ChunkSize; i++)
        {
            text.Append("line ").Append(i).Append(" of a plain text file, about sixty characters long\n");
        }
        _unixText = Encoding.ASCII.GetBytes(text.ToString(0, ChunkSize));
        _networkText = Encoding.ASCII.GetBytes(text.ToString(0, ChunkSize).Replace("\n", "\r\n"))[..ChunkSize];
    }

    [Benchmark(Baseline = true)]
    public int ToNetwork() => AsciiConverters.ToNetwork().Convert(_unixText, _output);

    [Benchmark]
    public int FromNetwork() => AsciiConverters.FromNetwork().Convert(_networkText, _output);
}
