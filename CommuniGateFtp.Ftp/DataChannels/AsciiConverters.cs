namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// DATA-ASCII: RETR turns bare LF into CRLF; STOR turns CRLF into LF. A CR at a chunk's end waits for the next. Runs of
/// bytes between line ends are found with vectorised searches and copied whole, not looked at byte by byte.
/// </summary>
public static class AsciiConverters
{
    public static IChunkConverter ToNetwork() => new LfToCrLf();

    public static IChunkConverter FromNetwork() => new CrLfToLf();

    private sealed class LfToCrLf : IChunkConverter
    {
        private bool _lastWasCr;

        public int Convert(ReadOnlySpan<byte> input, Span<byte> output)
        {
            var n = 0;
            while (!input.IsEmpty)
            {
                var lf = input.IndexOf((byte)'\n');
                var run = lf < 0 ? input : input[..lf];
                run.CopyTo(output[n..]);
                n += run.Length;
                if (lf < 0)
                {
                    _lastWasCr = run[^1] == (byte)'\r';
                    break;
                }
                if (!(lf > 0 ? input[lf - 1] == (byte)'\r' : _lastWasCr))
                {
                    output[n++] = (byte)'\r';
                }
                output[n++] = (byte)'\n';
                _lastWasCr = false;
                input = input[(lf + 1)..];
            }
            return n;
        }

        public int Flush(Span<byte> output) => 0;
    }

    private sealed class CrLfToLf : IChunkConverter
    {
        private bool _pendingCr;

        public int Convert(ReadOnlySpan<byte> input, Span<byte> output)
        {
            var n = 0;
            if (_pendingCr && !input.IsEmpty)
            {
                _pendingCr = false;
                if (input[0] != (byte)'\n')
                {
                    output[n++] = (byte)'\r'; // a lone CR is data
                }
            }
            while (!input.IsEmpty)
            {
                var cr = input.IndexOf((byte)'\r');
                var run = cr < 0 ? input : input[..cr];
                run.CopyTo(output[n..]);
                n += run.Length;
                if (cr < 0)
                {
                    break;
                }
                if (cr == input.Length - 1)
                {
                    _pendingCr = true; // decided by the next chunk's first byte
                    break;
                }
                if (input[cr + 1] != (byte)'\n')
                {
                    output[n++] = (byte)'\r'; // a lone CR is data
                }
                input = input[(cr + 1)..];
            }
            return n;
        }

        public int Flush(Span<byte> output)
        {
            if (!_pendingCr)
            {
                return 0;
            }
            _pendingCr = false;
            output[0] = (byte)'\r';
            return 1;
        }
    }
}
