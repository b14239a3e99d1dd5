namespace CommuniGateFtp.Ftp.Telemetry.Archive;

/// <summary>One daily file of the FTP log: the node that wrote it, its UTC day and its size in bytes.</summary>
public sealed record LogDay(string Node, DateOnly Date, long Bytes);
