using System.Buffers;
using System.Text;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Security.Gssapi;

/// <summary>
/// Writes a reply protected by the GSSAPI context (RFC 2228 4, GSS-CMD): each line of the reply as formatted in the
/// clear is wrapped on its own and sent as <c>631</c> (integrity), <c>632</c> (privacy) or <c>633</c> lines —
/// <c>63x-</c> for all but the last. One token for a whole multi-line reply leaves curl reading code 0.
/// </summary>
public static class ProtectedReplyWriter
{
    public static void Write(FtpReply reply, DataProtectionLevel level, GssapiContext context, IBufferWriter<byte> output)
    {
        var clear = new ArrayBufferWriter<byte>(256);
        FtpReplyWriter.Write(reply, clear);
        var code = level switch
        {
            DataProtectionLevel.Private => "632",
            DataProtectionLevel.Confidential => "633",
            _ => "631",
        };
        var lines = clear.WrittenMemory;
        var token = new ArrayBufferWriter<byte>(256);
        while (!lines.IsEmpty)
        {
            var end = lines.Span.IndexOf("\r\n"u8);
            var line = lines[..end];
            lines = lines[(end + 2)..];
            token.ResetWrittenCount();
            context.Wrap(line.Span, token, encrypt: level == DataProtectionLevel.Private);
            var text = $"{code}{(lines.IsEmpty ? ' ' : '-')}{Convert.ToBase64String(token.WrittenSpan)}\r\n";
            var span = output.GetSpan(text.Length);
            output.Advance(Encoding.ASCII.GetBytes(text, span));
        }
    }
}
