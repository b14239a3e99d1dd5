using System.Buffers;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Protocol;

public sealed class TelnetFilterTests
{
    private static (byte[] Data, byte[] Refusals) Filter(params byte[] line)
    {
        var data = new ArrayBufferWriter<byte>();
        var refusals = new ArrayBufferWriter<byte>();
        TelnetFilter.Filter(Segments.Split(line, 1, 3), data, refusals);
        return (data.WrittenSpan.ToArray(), refusals.WrittenSpan.ToArray());
    }

    [Fact]
    public void Interrupt_process_and_data_mark_before_abor_are_removed()
    {
        var (data, refusals) = Filter([255, 244, 255, 242, .. "ABOR"u8]);
        Assert.Equal("ABOR"u8.ToArray(), data);
        Assert.Empty(refusals);
    }

    [Fact]
    public void Doubled_iac_is_one_data_byte()
    {
        Assert.Equal(new byte[] { (byte)'a', 255, (byte)'b' }, Filter((byte)'a', 255, 255, (byte)'b').Data);
    }

    [Fact]
    public void Will_is_refused_with_dont_and_do_with_wont()
    {
        var (data, refusals) = Filter([255, 251, 1, 255, 253, 3, .. "NOOP"u8]);
        Assert.Equal("NOOP"u8.ToArray(), data);
        Assert.Equal(new byte[] { 255, 254, 1, 255, 252, 3 }, refusals);
    }

    [Fact]
    public void Subnegotiation_is_dropped_whole()
    {
        Assert.Equal("SYST"u8.ToArray(), Filter([255, 250, 24, 0, 1, 2, 255, 240, .. "SYST"u8]).Data);
    }
}
