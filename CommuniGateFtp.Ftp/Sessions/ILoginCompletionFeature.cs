namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// A connection feature (in Kestrel's manner, on <c>ConnectionContext.Features</c>): the listener counts connections
/// that have not logged in per client address (SEC-DOS), and the session tells it when its login completed.
/// </summary>
public interface ILoginCompletionFeature
{
    /// <summary>The session has logged in; called once or more, counted once.</summary>
    void LoginCompleted();
}
