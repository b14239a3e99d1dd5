namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>The reply codes of RFC 959 and its extensions, by meaning.</summary>
public static class ReplyCode
{
    public const int ServiceReady = 220;
    public const int ClosingControl = 221;
    public const int CommandOk = 200;
    public const int SystemType = 215;
    public const int NotNeeded = 202;
    public const int UserLoggedIn = 230;

    /// <summary>RFC 2228: logged in, authorized by the security data exchange (no password needed).</summary>
    public const int UserAuthorizedBySecurityData = 232;

    public const int PasswordRequired = 331;
    public const int ServiceNotAvailable = 421;
    public const int LocalError = 451;
    public const int SyntaxError = 500;
    public const int ArgumentSyntaxError = 501;
    public const int NotImplemented = 502;
    public const int BadSequence = 503;
    public const int NotLoggedIn = 530;
}
