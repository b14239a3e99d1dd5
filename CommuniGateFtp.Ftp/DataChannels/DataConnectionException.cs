namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>The data connection failed (peer reset, closed early): answered with 426, unlike a local I/O error (451).</summary>
public sealed class DataConnectionException(Exception inner) : IOException(inner.Message, inner);
