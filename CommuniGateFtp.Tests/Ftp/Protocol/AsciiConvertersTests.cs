using CommuniGateFtp.Ftp.DataChannels;

namespace CommuniGateFtp.Tests.Ftp.Protocol;

public sealed class AsciiConvertersTests
{
    private static byte[] Run(IChunkConverter converter, byte[] input, int chunk)
    {
        var output = new List<byte>();
        var buffer = new byte[chunk * 2 + 1];
        for (var i = 0; i < input.Length; i += chunk)
        {
            var n = converter.Convert(input.AsSpan(i, Math.Min(chunk, input.Length - i)), buffer);
            output.AddRange(buffer[..n]);
        }
        output.AddRange(buffer[..converter.Flush(buffer)]);
        return [.. output];
    }

    [Fact]
    public void Lf_becomes_crlf_on_the_wire_and_back_at_every_chunk_size()
    {
        var disk = "a\nb\r\nc\rd\n\n"u8.ToArray();
        for (var chunk = 1; chunk <= disk.Length; chunk++)
        {
            var wire = Run(AsciiConverters.ToNetwork(), disk, chunk);
            Assert.Equal("a\r\nb\r\nc\rd\r\n\r\n"u8.ToArray(), wire);
            Assert.Equal("a\nb\nc\rd\n\n"u8.ToArray(), Run(AsciiConverters.FromNetwork(), wire, chunk));
        }
    }

    [Fact]
    public void A_trailing_cr_is_kept() => Assert.Equal("x\r"u8.ToArray(), Run(AsciiConverters.FromNetwork(), "x\r"u8.ToArray(), 1));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(4096)]
    public void Random_line_ends_convert_as_byte_by_byte_rules_say(int chunk)
    {
        var random = new Random(chunk);
        var text = new byte[3000];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = "ab\r\n"u8[random.Next(4)];
        }

        Assert.Equal(ByteByByteToNetwork(text), Run(AsciiConverters.ToNetwork(), text, chunk));
        Assert.Equal(ByteByByteFromNetwork(text), Run(AsciiConverters.FromNetwork(), text, chunk));
    }

    // DATA-ASCII stated one byte at a time: an LF not after a CR gets one; a CR before an LF goes, any other CR stays.
    private static byte[] ByteByByteToNetwork(byte[] text) =>
        [.. text.SelectMany((b, i) => b == (byte)'\n' && (i == 0 || text[i - 1] != (byte)'\r') ? new[] { (byte)'\r', b } : [b])];

    private static byte[] ByteByByteFromNetwork(byte[] text) =>
        [.. text.Where((b, i) => !(b == (byte)'\r' && i + 1 < text.Length && text[i + 1] == (byte)'\n'))];
}
