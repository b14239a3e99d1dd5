using System.Globalization;

namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>One record of the FTP log, formatted as CommuniGate Pro writes it (LOG-FORMAT).</summary>
public sealed record FtpLogRecord(DateTimeOffset Time, CgpLogLevel Level, long SessionId, string Client, string Text)
{
    private const string TimeFormat = "HH:mm:ss.fff";
    private const string Tag = "FTP-";

    /// <summary><c>HH:MM:SS.mmm L FTP-nnnnnn([ip]:port) text</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Time.UtcDateTime:HH:mm:ss.fff} {(int)Level} FTP-{SessionId:000000}({Client}) {Text}");

    /// <summary>
    /// Reads a line of a daily log file back (the inverse of <see cref="ToString"/>); the line has only the time of day,
    /// the file's name gives the UTC <paramref name="day"/>. False for anything else (a line cut off by a crash).
    /// </summary>
    public static bool TryParse(string line, DateOnly day, out FtpLogRecord record)
    {
        record = null!;
        // "HH:mm:ss.fff L FTP-" is 19 characters; then the session number, "(client) " and the text.
        if (line.Length < 21 || line[12] != ' ' || line[14] != ' ' || !char.IsAsciiDigit(line[13])
            || !TimeOnly.TryParseExact(line.AsSpan(0, 12), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || string.CompareOrdinal(line, 15, Tag, 0, Tag.Length) != 0)
        {
            return false;
        }
        var open = line.IndexOf('(', 19);
        var close = open < 0 ? -1 : line.IndexOf(") ", open, StringComparison.Ordinal);
        if (close < 0 || !long.TryParse(line.AsSpan(19, open - 19), NumberStyles.None, CultureInfo.InvariantCulture, out var session)
            || line[13] - '0' is < (int)CgpLogLevel.Failures or > (int)CgpLogLevel.AllInfo)
        {
            return false;
        }
        record = new FtpLogRecord(new DateTimeOffset(day.ToDateTime(time), TimeSpan.Zero), (CgpLogLevel)(line[13] - '0'), session,
            line[(open + 1)..close], line[(close + 2)..]);
        return true;
    }
}
