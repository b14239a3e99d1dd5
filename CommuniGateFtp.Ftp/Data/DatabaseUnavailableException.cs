namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// The database did not answer a session's call within its time (or refused it): a login gets <c>421</c> and is closed,
/// any other command <c>451</c>; the dispatcher answers it.
/// </summary>
public sealed class DatabaseUnavailableException(Exception inner) : Exception("The database is unavailable", inner);
