using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace CommuniGateFtp.Ftp.Telemetry.Archive;

/// <summary>
/// Reads one page of a daily log file as a stream of lines: never the whole file in memory, and never more than
/// <see cref="ScanBudget"/> bytes for one page, so a search that matches little in a big day answers in bounded time
/// and the caller goes on from <see cref="LogPage.Next"/>. A line still being written (no line end yet) is left for the
/// next read; a line that is not a record (cut off by a crash) is skipped.
/// </summary>
public static class LogFileReader
{
    public const long ScanBudget = 16L * 1024 * 1024;

    public static async Task<LogPage> ReadAsync(string path, DateOnly day, LogQuery query, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
            bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (query.After >= stream.Length)
        {
            return new LogPage([], null);
        }
        stream.Seek(query.After, SeekOrigin.Begin);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var page = new Page(day, query);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var consumed = page.TakeLines(result.Buffer);
                reader.AdvanceTo(consumed, result.Buffer.End);
                if (page.Full || page.OverBudget)
                {
                    return new LogPage(page.Records, page.Offset);
                }
                if (result.IsCompleted)
                {
                    return new LogPage(page.Records, null);
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private sealed class Page(DateOnly day, LogQuery query)
    {
        // No record is this long (a command line is at most 4 KiB): longer runs are not records and are skipped, so a
        // file without line breaks cannot make the reader buffer it whole.
        private const int MaxLineBytes = 64 * 1024;

        private readonly long _start = query.After;
        private char[] _chars = new char[1024];

        public List<FtpLogRecord> Records { get; } = [];

        /// <summary>The byte offset of the first line not read yet.</summary>
        public long Offset { get; private set; } = query.After;

        public bool Full => Records.Count >= query.Take;

        public bool OverBudget => Offset - _start >= ScanBudget;

        /// <summary>Reads the complete lines of <paramref name="buffer"/> until the page is full; returns where it stopped.</summary>
        public SequencePosition TakeLines(ReadOnlySequence<byte> buffer)
        {
            var lines = new SequenceReader<byte>(buffer);
            while (!Full && !OverBudget)
            {
                if (!lines.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
                {
                    if (lines.Remaining > MaxLineBytes)
                    {
                        Offset += lines.Remaining;
                        lines.AdvanceToEnd();
                    }
                    break;
                }
                Offset += line.Length + 1;
                if (line.Length <= MaxLineBytes)
                {
                    Take(line);
                }
            }
            return lines.Position;
        }

        // Lines are decoded into one reused buffer and filtered there: only a match becomes a string.
        private void Take(ReadOnlySequence<byte> line)
        {
            if (_chars.Length < line.Length)
            {
                _chars = new char[Math.Max((int)line.Length, _chars.Length * 2)];
            }
            var text = _chars.AsSpan(0, Encoding.UTF8.GetChars(line, _chars)).TrimEnd('\r');
            // "HH:mm:ss.fff L …": the level digit is the 14th character.
            if (text.Length > 13 && text[13] - '0' <= (int)query.MaxLevel
                && (query.Search.Length == 0 || text.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
                && FtpLogRecord.TryParse(new string(text), day, out var record))
            {
                Records.Add(record);
            }
        }
    }
}
