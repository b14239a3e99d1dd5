using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>
/// What one live stream route sends: its first events (the snapshot), then, each time its <see cref="Signal"/> wakes
/// it, what changed since, translated from its followers' changes to contract events. Disposing stops following.
/// </summary>
public abstract class LiveStream : IDisposable
{
    /// <summary>Set by every follower of this stream when something waits to be read.</summary>
    public LiveSignal Signal { get; } = new();

    /// <summary>True when the stream has said everything (the watched session closed): the response ends.</summary>
    public bool IsComplete { get; protected set; }

    /// <summary>The snapshot, as the first event(s).</summary>
    public abstract IEnumerable<ServerSentEvent> Start();

    /// <summary>Everything pending, as events; a follower's dropped entries as one <c>dropped</c> event.</summary>
    public abstract IEnumerable<ServerSentEvent> Changes();

    public abstract void Dispose();

    /// <summary>The <c>dropped</c> event, when a follower lost entries because this stream's reader lagged.</summary>
    protected static IEnumerable<ServerSentEvent> Dropped(long count) =>
        count > 0 ? [new ServerSentEvent("dropped", new Contracts.DroppedEvent(count))] : [];
}
