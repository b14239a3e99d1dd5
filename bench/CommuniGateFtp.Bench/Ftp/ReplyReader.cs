using System.Text;

namespace CommuniGateFtp.Bench.Ftp;

/// <summary>
/// Reads whole replies from the control stream (RFC 959 4.2: a multi-line reply ends with "ddd " of its first code).
/// Buffers what it reads; after AUTH TLS's 234 nothing is left over (the server waits for the handshake), so the
/// caller can switch <see cref="Stream"/> to TLS.
/// </summary>
internal sealed class ReplyReader
{
    private readonly byte[] _buffer = new byte[16384];
    private int _start;
    private int _end;

    public Stream Stream { get; set; }

    public ReplyReader(Stream stream) => Stream = stream;

    public async Task<FtpReply> ReadAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken);
        if (first.Length < 4 || !int.TryParse(first.AsSpan(0, 3), out var code))
        {
            throw new FtpException($"malformed reply line: {first}");
        }
        if (first[3] != '-')
        {
            return new FtpReply(code, first);
        }
        var text = new StringBuilder(first);
        var end = first[..3] + " ";
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            text.Append('\n').Append(line);
            if (line.StartsWith(end, StringComparison.Ordinal))
            {
                return new FtpReply(code, text.ToString());
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>(128);
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await Stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                {
                    throw new FtpException(line.Count == 0 ? "connection closed by the server" : "connection closed inside a reply");
                }
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.AddRange(_buffer.AsSpan(_start, stop - _start));
            _start = stop;
            if (newline >= 0)
            {
                _start++;
                return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            }
        }
    }
}
