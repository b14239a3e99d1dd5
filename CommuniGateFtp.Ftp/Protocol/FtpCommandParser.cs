using System.Text;
using CommuniGateFtp.Ftp.Commands;

namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// Turns a Telnet-filtered control line into an <see cref="FtpCommand"/>. Pure. A known verb is the shared string of
/// <see cref="KnownVerbs"/> (and a known verb alone the shared command), and a one-character ASCII argument (TYPE I,
/// PROT P, MODE S) a shared string, so that the common lines allocate only what is new in them.
/// </summary>
public static class FtpCommandParser
{
    private const int MaxVerbLength = 16;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] AsciiCharacters = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

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
        if (argumentBytes.IsEmpty && KnownVerbs.TryGetBare(verb, out var bare))
        {
            command = bare;
            return true;
        }
        var argument = "";
        var invalid = argumentBytes.Contains((byte)0);
        if (!invalid && argumentBytes.Length == 1 && argumentBytes[0] < AsciiCharacters.Length)
        {
            argument = AsciiCharacters[argumentBytes[0]];
        }
        else if (!invalid)
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
        command = new FtpCommand(KnownVerbs.TryGet(verb, out var known) ? known : new string(verb), argument, invalid);
        return true;
    }
}
