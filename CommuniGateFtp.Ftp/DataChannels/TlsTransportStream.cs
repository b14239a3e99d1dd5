using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// The stream under a data connection's <see cref="System.Net.Security.SslStream"/>, which moves one TLS record
/// (~16 KiB) at a time: it reads a record as a one-byte peek and the record itself (two receive calls each), and writes
/// each record with its own send. Here one receive takes in whatever has arrived and the records are served from
/// memory; and once <see cref="GatherWrites"/> is called (after the handshake, for a download) records gather into
/// sends of up to <see cref="BufferSize"/>, sent when full and at every flush. Disposing sends nothing: an aborted
/// transfer ends with its own reply, never with a late send's failure. A failed send is a
/// <see cref="DataConnectionException"/> (426).
/// </summary>
public sealed class TlsTransportStream(Stream inner) : Stream
{
    public const int BufferSize = 256 << 10;

    private byte[]? _readBuffer;
    private int _readStart;
    private int _readEnd;
    private byte[]? _writeBuffer;
    private int _pending;
    private bool _gathering;
    private bool _receiving;
    private bool _sending;

    /// <summary>From now on records gather into large sends until a flush (the caller flushes at the end of the data).</summary>
    public void GatherWrites() => _gathering = true;

    public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_readStart < _readEnd)
        {
            return ValueTask.FromResult(CopyOut(destination.Span));
        }
        // A zero-byte read waits for data without holding a buffer; a large one needs no staging.
        return destination.Length == 0 || destination.Length >= BufferSize
            ? inner.ReadAsync(destination, cancellationToken)
            : ReceiveAsync(destination, cancellationToken);
    }

    private async ValueTask<int> ReceiveAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var buffer = _readBuffer ??= TrimmableArrayPool<byte>.Shared.Rent(BufferSize);
        _receiving = true;
        try
        {
            (_readStart, _readEnd) = (0, await inner.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken));
        }
        finally
        {
            _receiving = false;
        }
        return CopyOut(destination.Span);
    }

    private int CopyOut(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _readEnd - _readStart);
        _readBuffer.AsSpan(_readStart, count).CopyTo(destination);
        _readStart += count;
        return count;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        if (!_gathering)
        {
            return SendAsync(source, cancellationToken);
        }
        if (_pending + source.Length < BufferSize)
        {
            source.Span.CopyTo((_writeBuffer ??= TrimmableArrayPool<byte>.Shared.Rent(BufferSize)).AsSpan(_pending));
            _pending += source.Length;
            return ValueTask.CompletedTask;
        }
        return GatherAsync(source, cancellationToken);
    }

    private async ValueTask GatherAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken)
    {
        var buffer = _writeBuffer ??= TrimmableArrayPool<byte>.Shared.Rent(BufferSize);
        var fits = Math.Min(source.Length, BufferSize - _pending);
        source.Span[..fits].CopyTo(buffer.AsSpan(_pending));
        _pending += fits;
        await SendPendingAsync(cancellationToken);
        source = source[fits..];
        if (source.Length >= BufferSize)
        {
            await SendAsync(source, cancellationToken);
        }
        else
        {
            source.Span.CopyTo(buffer);
            _pending = source.Length;
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    private async ValueTask SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_pending > 0)
        {
            var pending = _pending;
            _pending = 0;
            _sending = true;
            try
            {
                await SendAsync(_writeBuffer.AsMemory(0, pending), cancellationToken);
            }
            finally
            {
                _sending = false;
            }
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken)
    {
        try
        {
            await inner.WriteAsync(source, cancellationToken);
        }
        catch (IOException ex) when (ex is not DataConnectionException)
        {
            throw new DataConnectionException(ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            ReturnBuffers();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        ReturnBuffers();
        GC.SuppressFinalize(this);
    }

    // A receive or send still in flight (a dispose racing an abort) may yet use a buffer: then the GC takes it, not the pool.
    private void ReturnBuffers()
    {
        if (_readBuffer is { } read && !_receiving)
        {
            _readBuffer = null;
            TrimmableArrayPool<byte>.Shared.Return(read);
        }
        if (_writeBuffer is { } write && !_sending)
        {
            _writeBuffer = null;
            _pending = 0;
            TrimmableArrayPool<byte>.Shared.Return(write);
        }
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
