using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>A log record as the API shows it, live or read back from a daily file: one mapping for both.</summary>
public static class LogViews
{
    public static LogRecordResponse Of(FtpLogRecord r) =>
        new(r.Time, r.Level.ToString(), (int)r.Level, r.SessionId, r.Client, r.Text, r.ToString());
}
