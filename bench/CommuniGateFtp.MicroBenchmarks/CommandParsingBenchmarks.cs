using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.MicroBenchmarks;

/// <summary>
/// A command line from the control connection's bytes to an <see cref="FtpCommand"/>, as the session loop does it:
/// line reader, Telnet filter, parser.
/// </summary>
[MemoryDiagnoser]
public class CommandParsingBenchmarks
{
    private readonly ArrayBufferWriter<byte> _data = new(256);
    private readonly ArrayBufferWriter<byte> _refusals = new(16);
    private readonly FtpLineReader _reader = new(4096);
    private ReadOnlySequence<byte> _retr;
    private ReadOnlySequence<byte> _noop;
    private ReadOnlySequence<byte> _type;

    [GlobalSetup]
    public void Setup()
    {
        _retr = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("RETR folder/some file name.txt\r\n"));
        _noop = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("noop\r\n"));
        _type = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("TYPE I\r\n"));
    }

    [Benchmark(Baseline = true)]
    public FtpCommand Retr() => Parse(_retr);

    [Benchmark]
    public FtpCommand Noop() => Parse(_noop);

    [Benchmark]
    public FtpCommand TypeI() => Parse(_type);

    private FtpCommand Parse(ReadOnlySequence<byte> input)
    {
        _reader.TryReadLine(ref input, out var line);
        _data.ResetWrittenCount();
        _refusals.ResetWrittenCount();
        TelnetFilter.Filter(line, _data, _refusals);
        FtpCommandParser.TryParse(_data.WrittenSpan, out var command);
        return command;
    }
}
