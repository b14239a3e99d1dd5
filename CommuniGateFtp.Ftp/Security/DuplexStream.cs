namespace CommuniGateFtp.Ftp.Security;

/// <summary>
/// One stream over a connection's two pipe ends, for SslStream to run on. Reads never cross a TLS record's end, so
/// when the peer's close_notify ends TLS (CCC, RFC 4217 12) the clear commands after it are still in the pipe.
/// </summary>
internal sealed class DuplexStream(Stream input, Stream output) : Stream
{
    private const int RecordHeaderLength = 5;
    private readonly byte[] _header = new byte[RecordHeaderLength];
    private int _headerFilled;
    private int _headerSent;
    private int _recordRemaining;

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }
        if (_recordRemaining > 0)
        {
            var read = await input.ReadAsync(buffer[..Math.Min(buffer.Length, _recordRemaining)], cancellationToken);
            _recordRemaining -= read;
            return read;
        }
        // A record header: type, version (2), length (2). Read it whole, hand it over, then the record's body.
        while (_headerFilled < RecordHeaderLength)
        {
            var read = await input.ReadAsync(_header.AsMemory(_headerFilled), cancellationToken);
            if (read == 0)
            {
                return 0;
            }
            _headerFilled += read;
        }
        var count = Math.Min(buffer.Length, RecordHeaderLength - _headerSent);
        _header.AsSpan(_headerSent, count).CopyTo(buffer.Span);
        _headerSent += count;
        if (_headerSent == RecordHeaderLength)
        {
            _recordRemaining = (_header[3] << 8) | _header[4];
            (_headerFilled, _headerSent) = (0, 0);
        }
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        output.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        output.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
