using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands;

/// <summary>What a handler gets: the session and the command.</summary>
public sealed record FtpCommandContext(FtpSession Session, FtpCommand Command);
