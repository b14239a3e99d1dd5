using System.Buffers;
using System.Text;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Tests.Ftp.Protocol;

public sealed class FtpReplyWriterTests
{
    private static string Format(FtpReply reply)
    {
        var output = new ArrayBufferWriter<byte>();
        FtpReplyWriter.Write(reply, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void Single_line_reply_is_code_space_text_crlf() =>
        Assert.Equal("230 User alice logged in\r\n", Format(new FtpReply(230, "User alice logged in")));

    [Fact]
    public void Multi_line_reply_marks_first_and_last_line_and_protects_lookalike_lines() =>
        Assert.Equal("211-Extensions supported:\r\n EPSV\r\n 211 not the end\r\n211 End\r\n",
            Format(new FtpReply(211, ["Extensions supported:", " EPSV", "211 not the end", "End"])));

    [Fact]
    public void Line_breaks_inside_a_text_never_reach_the_wire() =>
        Assert.Equal("550 a  200 injected\r\n", Format(new FtpReply(550, "a\r\n200 injected")));
}
