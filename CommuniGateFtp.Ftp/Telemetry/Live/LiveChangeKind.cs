namespace CommuniGateFtp.Ftp.Telemetry.Live;

/// <summary>What happened in a <see cref="LiveFeed{T}"/>: an item appeared, changed or went away, or an entry was appended.</summary>
public enum LiveChangeKind
{
    /// <summary>A new item (a session opened).</summary>
    Opened,

    /// <summary>An item changed; a follower that has not read it yet gets only the latest.</summary>
    Changed,

    /// <summary>An item went away (a session closed).</summary>
    Closed,

    /// <summary>An entry of a sequence (a log record, a finished transfer): never merged, the oldest dropped when a follower lags.</summary>
    Added,
}
