namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>An account's bytes over a window: received from it (uploads) and sent to it (downloads, listings).</summary>
public sealed record AccountTraffic(string Account, long BytesIn, long BytesOut);
