using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>The engine's log records (LOG-CONTENT). Commands are logged masked; passwords never reach a log.</summary>
internal static partial class FtpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "FTP listener could not bind {EndPoint}")]
    public static partial void BindFailed(this ILogger logger, string endPoint, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "FTP listening on {EndPoint}")]
    public static partial void Listening(this ILogger logger, string endPoint);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "FTP-{SessionId:000000}({Remote}) login {Account} ok")]
    public static partial void LoginSucceeded(this ILogger logger, long sessionId, string remote, string account);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "FTP-{SessionId:000000}({Remote}) login {Login} refused: {Reason}")]
    public static partial void LoginFailed(this ILogger logger, long sessionId, string remote, string login, LoginFailure reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "FTP-{SessionId:000000}({Remote}) closed after {Duration}")]
    public static partial void SessionClosed(this ILogger logger, long sessionId, string remote, TimeSpan duration);

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "FTP-{SessionId:000000}({Remote}) {Command} -> {Code}")]
    public static partial void CommandServed(this ILogger logger, long sessionId, string remote, string command, int code);

    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "FTP-{SessionId:000000}({Remote}) session failed")]
    public static partial void SessionFailed(this ILogger logger, long sessionId, string remote, Exception exception);
}
