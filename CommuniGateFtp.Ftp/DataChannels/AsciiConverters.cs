namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>DATA-ASCII: RETR turns bare LF into CRLF; STOR turns CRLF into LF. A CR at a chunk's end waits for the next.</summary>
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
            foreach (var b in input)
            {
                if (b == (byte)'\n' && !_lastWasCr)
                {
                    output[n++] = (byte)'\r';
                }
                output[n++] = b;
                _lastWasCr = b == (byte)'\r';
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
            foreach (var b in input)
            {
                if (_pendingCr)
                {
                    _pendingCr = false;
                    if (b != (byte)'\n')
                    {
                        output[n++] = (byte)'\r'; // a lone CR is data
                    }
                }
                if (b == (byte)'\r')
                {
                    _pendingCr = true;
                    continue;
                }
                output[n++] = b;
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
