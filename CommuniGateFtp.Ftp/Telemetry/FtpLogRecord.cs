using System.Globalization;

namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>One record of the FTP log, formatted as CommuniGate Pro writes it (LOG-FORMAT).</summary>
public sealed record FtpLogRecord(DateTimeOffset Time, CgpLogLevel Level, long SessionId, string Client, string Text)
{
    /// <summary><c>HH:MM:SS.mmm L FTP-nnnnnn([ip]:port) text</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Time.UtcDateTime:HH:mm:ss.fff} {(int)Level} FTP-{SessionId:000000}({Client}) {Text}");
}
