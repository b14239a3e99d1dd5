using System.Buffers;

namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// Splits the control channel's bytes into command lines: LF ends a line and a CR before it is dropped (LIM-EOL);
/// a line longer than the limit, line end included, is reported once and discarded up to its LF (LIM-LINE).
/// Pure: the only state is whether the rest of an overlong line is still being discarded.
/// </summary>
public sealed class FtpLineReader(int maxLineLength)
{
    private bool _discarding;

    /// <summary>Takes the next line off the front of <paramref name="buffer"/> when one is complete.</summary>
    public LineReadStatus TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        line = default;
        while (true)
        {
            var reader = new SequenceReader<byte>(buffer);
            if (!reader.TryReadTo(out ReadOnlySequence<byte> raw, (byte)'\n', advancePastDelimiter: true))
            {
                if (buffer.Length < maxLineLength)
                {
                    return LineReadStatus.NeedMoreData;
                }
                // Even an LF as the next byte would exceed the limit: drop what we have and keep dropping.
                buffer = buffer.Slice(buffer.End);
                if (_discarding)
                {
                    return LineReadStatus.NeedMoreData;
                }
                _discarding = true;
                return LineReadStatus.LineTooLong;
            }

            buffer = buffer.Slice(reader.Position);
            if (_discarding)
            {
                _discarding = false; // that LF ended the overlong line, already answered
                continue;
            }
            if (raw.Length + 1 > maxLineLength)
            {
                return LineReadStatus.LineTooLong;
            }
            if (raw.Length > 0 && EndsWithCarriageReturn(raw))
            {
                raw = raw.Slice(0, raw.Length - 1);
            }
            line = raw;
            return LineReadStatus.Line;
        }
    }

    private static bool EndsWithCarriageReturn(in ReadOnlySequence<byte> raw) =>
        raw.Slice(raw.Length - 1).FirstSpan[0] == (byte)'\r';
}
