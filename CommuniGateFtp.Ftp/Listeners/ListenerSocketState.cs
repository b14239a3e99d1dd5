using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>A row of the Listener table in force and whether it is bound now; <paramref name="Problem"/> says why not.</summary>
public sealed record ListenerSocketState(ListenerSocket Socket, bool Bound, string? Problem);
