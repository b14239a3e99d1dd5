using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// One line of a session's protocol view while someone watches it: a command as it may be logged (masked, LOG-MASK)
/// or a reply. Built only when <see cref="SessionActivity.IsWatched"/>.
/// </summary>
public sealed record ProtocolLine(DateTimeOffset Time, string? Command, FtpReply? Reply)
{
    public static ProtocolLine Of(FtpCommand command, DateTimeOffset time) => new(time, command.ToLogString(), null);

    public static ProtocolLine Of(FtpReply reply, DateTimeOffset time) => new(time, null, reply);
}
