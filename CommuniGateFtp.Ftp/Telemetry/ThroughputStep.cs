namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>One step of the node's throughput: bytes per second over the step that starts at <paramref name="At"/>.</summary>
public sealed record ThroughputStep(DateTimeOffset At, double BytesInPerSecond, double BytesOutPerSecond);
