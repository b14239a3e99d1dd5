using System.Text;

namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>Turns a Telnet-filtered control line into an <see cref="FtpCommand"/>. Pure.</summary>
public static class FtpCommandParser
{
    private const int MaxVerbLength = 16;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>False when the line has no verb made of ASCII letters: the caller answers <c>500</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out FtpCommand command)
    {
        command = null!;
        var space = line.IndexOf((byte)' ');
        var verbBytes = space < 0 ? line : line[..space];
        if (verbBytes.Length is 0 or > MaxVerbLength)
        {
            return false;
        }
        Span<char> verb = stackalloc char[verbBytes.Length];
        for (var i = 0; i < verbBytes.Length; i++)
        {
            var c = (char)verbBytes[i];
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
            verb[i] = char.ToUpperInvariant(c);
        }

        var argumentBytes = space < 0 ? [] : line[(space + 1)..];
        var argument = "";
        var invalid = argumentBytes.Contains((byte)0);
        if (!invalid)
        {
            try
            {
                argument = StrictUtf8.GetString(argumentBytes);
            }
            catch (DecoderFallbackException)
            {
                invalid = true;
            }
        }
        command = new FtpCommand(new string(verb), argument, invalid);
        return true;
    }
}
