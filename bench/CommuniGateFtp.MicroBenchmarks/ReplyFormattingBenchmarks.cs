using System.Buffers;
using BenchmarkDotNet.Attributes;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.MicroBenchmarks;

/// <summary>Replies into the control connection's buffer (<see cref="FtpReplyWriter"/>): the common one-liners and FEAT.</summary>
[MemoryDiagnoser]
public class ReplyFormattingBenchmarks
{
    private static readonly FtpReply Complete = new(226, "Transfer complete");
    private static readonly FtpReply Opening = new(150, "Opening BINARY mode data connection for some file name.txt (4096 bytes)");
    private static readonly FtpReply Features = new(211,
        ["Features:", "AUTH TLS", "PBSZ", "PROT", "EPSV", "EPRT", "MDTM", "SIZE", "REST STREAM", "MLST type*;size*;modify*;perm*;unique*;", "UTF8", "End"]);

    private readonly ArrayBufferWriter<byte> _output = new(4096);

    [Benchmark(Baseline = true)]
    public int TransferComplete() => Write(Complete);

    [Benchmark]
    public int OpeningDataConnection() => Write(Opening);

    [Benchmark]
    public int Feat() => Write(Features);

    private int Write(FtpReply reply)
    {
        _output.ResetWrittenCount();
        FtpReplyWriter.Write(reply, _output);
        return _output.WrittenCount;
    }
}
