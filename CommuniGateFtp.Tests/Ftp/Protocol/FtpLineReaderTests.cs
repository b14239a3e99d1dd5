using System.Buffers;
using System.Text;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Protocol;

public sealed class FtpLineReaderTests
{
    private static List<string> ReadAll(ReadOnlySequence<byte> buffer, int max = 4096)
    {
        var reader = new FtpLineReader(max);
        var lines = new List<string>();
        while (true)
        {
            var status = reader.TryReadLine(ref buffer, out var line);
            if (status == LineReadStatus.NeedMoreData)
            {
                return lines;
            }
            lines.Add(status == LineReadStatus.Line ? Encoding.UTF8.GetString(line.ToArray()) : "<too long>");
        }
    }

    [Fact]
    public void Crlf_and_bare_lf_both_end_a_line_at_every_split_point()
    {
        var bytes = "USER alice\r\nPASS secret\nNOOP\r\n"u8.ToArray();
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            for (var cut2 = cut; cut2 <= bytes.Length; cut2 += 3)
            {
                Assert.Equal(["USER alice", "PASS secret", "NOOP"], ReadAll(Segments.Split(bytes, cut, cut2)));
            }
        }
    }

    [Fact]
    public void Incomplete_line_waits_for_more_data()
    {
        var buffer = Segments.Split("USER ali"u8.ToArray());
        var reader = new FtpLineReader(4096);
        Assert.Equal(LineReadStatus.NeedMoreData, reader.TryReadLine(ref buffer, out _));
        Assert.Equal(8, buffer.Length);
    }

    [Fact]
    public void Line_of_exactly_the_limit_with_crlf_is_accepted()
    {
        var line = "NOOP " + new string('a', 4096 - 2 - 5);
        Assert.Equal([line], ReadAll(Segments.Split(Encoding.ASCII.GetBytes(line + "\r\n"))));
    }

    [Fact]
    public void Overlong_line_is_reported_once_and_the_session_recovers_at_every_split_point()
    {
        var bytes = Encoding.ASCII.GetBytes("NOOP " + new string('x', 5000) + "\r\nSYST\r\n");
        foreach (var cut in new[] { 1, 100, 4095, 4096, 4097, 5004, 5005, 5006, 5007 })
        {
            // Feed in two reads as a pipe would: the reader keeps its discarding state between them.
            var reader = new FtpLineReader(4096);
            var results = new List<string>();
            var first = Segments.Split(bytes[..cut]);
            Drain(reader, ref first, results);
            var rest = Segments.Split([.. first.ToArray(), .. bytes[cut..]]);
            Drain(reader, ref rest, results);
            Assert.Equal(["<too long>", "SYST"], results);
        }
    }

    private static void Drain(FtpLineReader reader, ref ReadOnlySequence<byte> buffer, List<string> results)
    {
        while (reader.TryReadLine(ref buffer, out var line) is var status && status != LineReadStatus.NeedMoreData)
        {
            results.Add(status == LineReadStatus.Line ? Encoding.UTF8.GetString(line.ToArray()) : "<too long>");
        }
    }
}
