namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>One event of a live stream: its name (<c>event:</c>) and its data, a contract record written as camelCase JSON (a string as it is).</summary>
public readonly record struct ServerSentEvent(string Name, object Data);
