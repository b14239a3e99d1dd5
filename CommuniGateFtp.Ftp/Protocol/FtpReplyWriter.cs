using System.Buffers;
using System.Globalization;
using System.Text;

namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// Formats replies as RFC 959 4.2 wants them: <c>xyz text</c>, or <c>xyz-first</c> … <c>xyz last</c> for several
/// lines, with a space before any continuation line that would otherwise look like a final line. CR and LF inside a
/// text never reach the wire (no reply injection). Pure.
/// </summary>
public static class FtpReplyWriter
{
    public static void Write(FtpReply reply, IBufferWriter<byte> output)
    {
        var code = reply.Code.ToString("000", CultureInfo.InvariantCulture);
        var lines = reply.Lines.Count == 0 ? [""] : reply.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = Sanitize(lines[i]);
            if (i == lines.Count - 1)
            {
                WriteLine(output, $"{code} {text}");
            }
            else if (i == 0)
            {
                WriteLine(output, $"{code}-{text}");
            }
            else
            {
                WriteLine(output, LooksLikeFinalLine(text) ? " " + text : text);
            }
        }
    }

    private static bool LooksLikeFinalLine(string text) =>
        text.Length >= 4 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && text[3] is ' ' or '-';

    private static string Sanitize(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : text.Replace('\r', ' ').Replace('\n', ' ');

    private static void WriteLine(IBufferWriter<byte> output, string line)
    {
        var length = Encoding.UTF8.GetByteCount(line) + 2;
        var span = output.GetSpan(length);
        var written = Encoding.UTF8.GetBytes(line, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        output.Advance(written + 2);
    }
}
