namespace CommuniGateFtp.Ftp.Security;

/// <summary>
/// A change of the control connection's layer that a command asked for, made by the session loop once the command's
/// reply is out and before the next command is read: TLS starts after <c>234</c> (RFC 4217 4) or ends after CCC's
/// <c>200</c> (RFC 4217 12).
/// </summary>
public enum ControlSwitch
{
    None,
    StartTls,
    StopTls,
}
