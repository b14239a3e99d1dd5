namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// A reply: its code, one or more text lines (more than one makes a multi-line reply, CMD-MULTI), and whether the
/// control connection closes after it has been sent.
/// </summary>
public sealed record FtpReply(int Code, IReadOnlyList<string> Lines, bool CloseConnection = false)
{
    public FtpReply(int code, string text, bool closeConnection = false) : this(code, [text], closeConnection)
    {
    }

    /// <summary>The same reply, closing the connection once sent.</summary>
    public FtpReply ThenClose() => this with { CloseConnection = true };

    public override string ToString() => $"{Code} {Lines[^1]}";
}
