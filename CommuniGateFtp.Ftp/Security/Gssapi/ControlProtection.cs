using System.Buffers;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Security.Gssapi;

/// <summary>
/// The session loop's hook for protected commands (RFC 2228 4, GSS-CMD): <c>MIC</c> and <c>ENC</c> lines are unwrapped
/// into the command they carry before it is parsed and dispatched, and the session remembers how it came so its reply
/// is protected alike. <c>CONF</c> (confidentiality without integrity) has no GSSAPI form: <c>537</c>.
/// </summary>
public static class ControlProtection
{
    /// <summary>The verbs that carry a protected command.</summary>
    public static bool IsProtectedCommand(string verb) => verb is "MIC" or "ENC" or "CONF";

    /// <summary>
    /// The command inside <paramref name="wrapper"/> (its level set on the session's security), or a refusal that is
    /// answered in the clear. <paramref name="scratch"/> receives the unwrapped line.
    /// </summary>
    public static (FtpCommand? Command, FtpReply? Refusal) Open(SessionSecurity security, FtpCommand wrapper, ArrayBufferWriter<byte> scratch)
    {
        security.CommandProtection = DataProtectionLevel.Clear;
        if (security.Gssapi is not { IsEstablished: true } context)
        {
            return (null, new FtpReply(ReplyCode.BadSequence, "Security data exchange not complete"));
        }
        if (wrapper.Verb == "CONF")
        {
            return (null, new FtpReply(537, "CONF protection is not supported"));
        }
        var token = new byte[(wrapper.Argument.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(wrapper.Argument.Trim(), token, out var length) || length == 0)
        {
            return (null, new FtpReply(ReplyCode.ArgumentSyntaxError, $"{wrapper.Verb} needs a base64 token"));
        }
        scratch.ResetWrittenCount();
        if (!context.TryUnwrap(token.AsSpan(0, length), scratch, out var encrypted) || encrypted != (wrapper.Verb == "ENC"))
        {
            // RFC 2228 4: an altered or misplaced token; the command it claims to carry never runs.
            return (null, new FtpReply(535, $"{wrapper.Verb} token failed its integrity check"));
        }
        security.CommandProtection = encrypted ? DataProtectionLevel.Private : DataProtectionLevel.Safe;
        var line = scratch.WrittenSpan.TrimEnd("\r\n\0"u8); // the protected text ends with CRLF (curl), sometimes NUL
        return FtpCommandParser.TryParse(line, out var inner)
            ? (inner, null)
            : (null, new FtpReply(ReplyCode.SyntaxError, "Unknown command"));
    }
}
