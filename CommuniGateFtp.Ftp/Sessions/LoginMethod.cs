namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>How a session logged in (LOG-CONTENT 2 names it; the live view shows it). GSSAPI joins with its issue.</summary>
public enum LoginMethod
{
    Password,
    Anonymous,
}
