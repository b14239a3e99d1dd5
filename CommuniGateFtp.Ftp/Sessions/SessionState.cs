namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>Where a session is in the login sequence (SES-STATE).</summary>
public enum SessionState
{
    Connected,
    UserGiven,
    LoggedIn,
}
