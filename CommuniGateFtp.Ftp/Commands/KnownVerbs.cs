using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands;

/// <summary>
/// Every verb of SPEC section 2. A known verb without a handler answers <c>502</c>; anything else <c>500</c>.
/// </summary>
public static class KnownVerbs
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "USER", "PASS", "ACCT", "CWD", "XCWD", "CDUP", "XCUP", "SMNT", "REIN", "QUIT", "PORT", "PASV", "EPRT", "EPSV",
        "LPRT", "LPSV", "TYPE", "STRU", "MODE", "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR",
        "DELE", "RMD", "XRMD", "MKD", "XMKD", "PWD", "XPWD", "LIST", "NLST", "MLSD", "MLST", "SIZE", "MDTM", "MFMT",
        "MFCT", "HASH", "XCRC", "XMD5", "XSHA1", "SITE", "SYST", "STAT", "HELP", "NOOP", "FEAT", "OPTS", "LANG", "HOST",
        "AUTH", "STLS", "ADAT", "PBSZ", "PROT", "CCC", "MIC", "ENC", "CONF",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The parser's look-ups by the upper-cased characters of a line, so that a known verb costs no new string, and a
    // known verb without an argument (NOOP, PWD, PASV, QUIT...) no new command either: commands are immutable.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbsBySpelling =
        ((FrozenSet<string>)All).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, FtpCommand>.AlternateLookup<ReadOnlySpan<char>> BareCommandsBySpelling =
        All.ToFrozenDictionary(verb => verb, verb => new FtpCommand(verb, ""), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The known verb spelled <paramref name="upperCase"/>, as the one shared string of this table.</summary>
    public static bool TryGet(ReadOnlySpan<char> upperCase, [MaybeNullWhen(false)] out string verb) =>
        VerbsBySpelling.TryGetValue(upperCase, out verb);

    /// <summary>The shared command of the known verb spelled <paramref name="upperCase"/> with no argument.</summary>
    public static bool TryGetBare(ReadOnlySpan<char> upperCase, [MaybeNullWhen(false)] out FtpCommand command) =>
        BareCommandsBySpelling.TryGetValue(upperCase, out command);

    /// <summary>SES-STATE: the commands allowed before login; every other verb gets <c>530</c> until then.</summary>
    public static readonly IReadOnlySet<string> AllowedBeforeLogin = new HashSet<string>(StringComparer.Ordinal)
    {
        "USER", "PASS", "ACCT", "AUTH", "ADAT", "PBSZ", "PROT", "CCC", "MIC", "CONF", "ENC", "STLS", "HOST", "FEAT",
        "OPTS", "LANG", "HELP", "SYST", "STAT", "NOOP", "QUIT",
    };

    /// <summary>RFC 2428 4: the data-connection commands refused once EPSV ALL was given.</summary>
    public static readonly IReadOnlySet<string> LockedOutByEpsvAll = new HashSet<string>(StringComparer.Ordinal)
    {
        "PORT", "PASV", "EPRT", "LPRT", "LPSV",
    };

    /// <summary>LOG-CONTENT: the commands whose success changes File Storage at once (uploads are logged when they end).</summary>
    public static readonly IReadOnlySet<string> ChangeFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        "DELE", "RNTO", "MKD", "XMKD", "RMD", "XRMD", "MFMT",
    };

    /// <summary>SET-PASSIVE: the commands that open a passive data connection.</summary>
    public static readonly IReadOnlySet<string> Passive = new HashSet<string>(StringComparer.Ordinal) { "PASV", "EPSV", "LPSV" };
}
