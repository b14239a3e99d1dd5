namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// A reply: its code, one or more text lines (more than one makes a multi-line reply, CMD-MULTI), whether the
/// control connection closes after it has been sent, and whether TLS starts on it right after (AUTH TLS, RFC 4217 4)
/// or ends (CCC, RFC 4217 12).
/// </summary>
public sealed record FtpReply(int Code, IReadOnlyList<string> Lines, bool CloseConnection = false, bool StartTls = false,
    bool StopTls = false)
{
    public FtpReply(int code, string text, bool closeConnection = false) : this(code, [text], closeConnection)
    {
    }

    /// <summary>No reply now: a transfer started by the command answers by itself (150, then 226 or 426).</summary>
    public static FtpReply Deferred { get; } = new(0, "");

    public bool IsDeferred => Code == 0;

    public override string ToString() => $"{Code} {Lines[^1]}";
}
