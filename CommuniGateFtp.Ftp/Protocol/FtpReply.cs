namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// A reply: its code, one or more text lines (more than one makes a multi-line reply, CMD-MULTI), whether the
/// control connection closes after it has been sent. A change of the control connection's security layer that follows
/// a reply is the session's (<see cref="Security.SessionSecurity.PendingSwitch"/>), not the reply's.
/// </summary>
public sealed record FtpReply(int Code, IReadOnlyList<string> Lines, bool CloseConnection = false)
{
    public FtpReply(int code, string text, bool closeConnection = false) : this(code, [text], closeConnection)
    {
    }

    /// <summary>No reply now: a transfer started by the command answers by itself (150, then 226 or 426).</summary>
    public static FtpReply Deferred { get; } = new(0, "");

    public bool IsDeferred => Code == 0;

    /// <summary>
    /// The reply as it may be logged or shown: the security data of <c>235</c>/<c>335 ADAT=</c> replaced by its length
    /// (LOG-MASK), everything else as it is.
    /// </summary>
    public FtpReply ToLoggable() =>
        Code is 235 or 335 && Lines.Count == 1 && Lines[0].StartsWith("ADAT=", StringComparison.Ordinal)
            ? this with { Lines = [$"ADAT=<{Lines[0].Length - 5} bytes>"] }
            : this;

    public override string ToString() => $"{Code} {Lines[^1]}";
}
