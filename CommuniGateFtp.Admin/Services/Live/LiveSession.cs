using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services.Live;

/// <summary>A session as the last event told it, and when that event arrived (so idle time ticks on here between events).</summary>
public sealed record LiveSession(SessionResponse Session, DateTimeOffset ReceivedAt)
{
    /// <summary>Seconds idle at <paramref name="now"/>; a running transfer is activity.</summary>
    public double IdleSecondsAt(DateTimeOffset now) =>
        Session.Transfer is not null ? 0 : Session.IdleSeconds + Math.Max((now - ReceivedAt).TotalSeconds, 0);
}
