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
        var lines = reply.Lines.Count == 0 ? [""] : reply.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i];
            if (i == lines.Count - 1)
            {
                WriteLine(output, reply.Code, ' ', text);
            }
            else if (i == 0)
            {
                WriteLine(output, reply.Code, '-', text);
            }
            else
            {
                WriteLine(output, null, LooksLikeFinalLine(text) ? ' ' : null, text);
            }
        }
    }

    // CR and LF count as the spaces they become on the wire.
    private static bool LooksLikeFinalLine(string text) =>
        text.Length >= 4 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && text[3] is ' ' or '-' or '\r' or '\n';

    // Straight into the output: the code's three digits, the separator, the text with CR and LF made spaces, CRLF.
    private static void WriteLine(IBufferWriter<byte> output, int? code, char? separator, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 6);
        var written = 0;
        if (code is { } value)
        {
            value.TryFormat(span, out written, "000", CultureInfo.InvariantCulture);
        }
        if (separator is { } c)
        {
            span[written++] = (byte)c;
        }
        var start = written;
        written += Encoding.UTF8.GetBytes(text, span[written..]);
        span[start..written].Replace((byte)'\r', (byte)' '); // no reply injection
        span[start..written].Replace((byte)'\n', (byte)' ');
        span[written++] = (byte)'\r';
        span[written++] = (byte)'\n';
        output.Advance(written);
    }
}
