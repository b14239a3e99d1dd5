namespace CommuniGateFtp.Ftp.Telemetry.Archive;

/// <summary>
/// Which records of a daily file to read: those at or below <paramref name="MaxLevel"/> whose line contains
/// <paramref name="Search"/> (any case; empty: all), from byte <paramref name="After"/> on, at most <paramref name="Take"/>.
/// </summary>
public sealed record LogQuery(string Search, CgpLogLevel MaxLevel, long After, int Take);

/// <summary>
/// A page of a daily file: the records found, and the byte offset to go on from (<c>null</c> when the file's end was
/// reached). A page may be short with an offset when the scan budget ran out before <see cref="LogQuery.Take"/> matched.
/// </summary>
public sealed record LogPage(IReadOnlyList<FtpLogRecord> Records, long? Next);
