using System.Text;

namespace CommuniGateFtp.Ftp.Telemetry.Archive;

/// <summary>
/// One day's log file, open for appending: one record a line (a line break inside a record's text becomes a space, so a
/// line is always a record). Opened shared, so the management API reads it while it grows.
/// </summary>
internal sealed class DailyLogFile : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter _writer;

    private DailyLogFile(DateOnly day, StreamWriter writer) => (Day, _writer) = (day, writer);

    public DateOnly Day { get; }

    /// <summary>Opens (or creates) the file of <paramref name="day"/>; throws IOException or UnauthorizedAccessException.</summary>
    public static DailyLogFile Open(LogArchive archive, DateOnly day)
    {
        Directory.CreateDirectory(archive.NodeFolder);
        var stream = new FileStream(archive.PathOf(archive.Node, day), FileMode.OpenOrCreate, FileAccess.ReadWrite,
            FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        try
        {
            var cutOff = EndsInsideALine(stream);
            var writer = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024);
            if (cutOff)
            {
                writer.Write('\n'); // a crash cut the last record short: the next one starts on a line of its own
            }
            return new DailyLogFile(day, writer);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Write(FtpLogRecord record)
    {
        _writer.Write(record.ToString().ReplaceLineEndings(" "));
        _writer.Write('\n');
    }

    public void Flush() => _writer.Flush();

    /// <summary>Closes the file; what cannot be flushed any more (a full disk) is lost, and the caller already said so.</summary>
    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static bool EndsInsideALine(FileStream stream)
    {
        if (stream.Length == 0)
        {
            return false;
        }
        stream.Seek(-1, SeekOrigin.End);
        var last = stream.ReadByte();
        stream.Seek(0, SeekOrigin.End);
        return last != '\n';
    }
}
