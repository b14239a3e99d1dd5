namespace CommuniGateFtp.Ftp.Telemetry.Live;

/// <summary>One change a follower reads: what happened, and to which item (its latest state).</summary>
public readonly record struct LiveChange<T>(LiveChangeKind Kind, T Item);
