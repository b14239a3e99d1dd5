using System.Buffers.Binary;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.Security.Gssapi;

/// <summary>
/// A data connection under PROT S or P with GSSAPI (RFC 2228 3, GSS-PROT): each block is a 4-byte big-endian length and
/// a wrap token, whose plaintext fits the protection buffer; the end of data is one more block that unwraps to nothing
/// (<see cref="FinishAsync"/>), then the connection closes. Reading accepts a clean end of the connection on a block
/// boundary as the end too.
/// Wrapping and unwrapping are the expensive part (the context's lock keeps them in order, one at a time), so each
/// overlaps the network: a block goes out while the next one is wrapped, and the next block is read in while this one
/// is unwrapped — two pooled buffers a direction, one write a block, nothing allocated per block.
/// </summary>
public sealed class ProtectionBufferStream : Stream
{
    // Room for the token's header and checksum (28 bytes integrity, 60 sealed with aes256-sha1; more with other
    // enctypes), so a token never exceeds the size PBSZ agreed. Computing it with a wrap would use a sequence number.
    private const int TokenOverhead = 256;

    // curl wraps PBSZ bytes of plaintext, so its tokens are a little longer than the buffer it agreed to.
    private const int ReceiveSlack = 1024;

    private readonly Stream _inner;
    private readonly GssapiContext _context;
    private readonly bool _encrypt;
    private readonly int _chunk;
    private readonly int _maxToken;

    // Sending: the block being wrapped and the one going out (_sending), alternately.
    private readonly PooledBlockWriter?[] _outgoing = new PooledBlockWriter?[2];
    private int _wrapInto;
    private Task _sending = Task.CompletedTask;

    // Receiving: the block being unwrapped and handed out, and the next one being read in (_reading: its token length,
    // 0 at the end of data).
    private byte[]? _incoming;
    private byte[]? _ahead;
    private readonly byte[] _header = new byte[4];
    private Task<int>? _reading;
    private int _plainOffset;
    private int _plainLength;
    private bool _ended;
    private bool _received;

    public ProtectionBufferStream(Stream inner, GssapiContext context, bool encrypt, int bufferSize)
    {
        _inner = inner;
        _context = context;
        _encrypt = encrypt;
        _chunk = Math.Max(bufferSize - TokenOverhead, 1);
        _maxToken = bufferSize + ReceiveSlack;
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Each write goes out as the fewest blocks that fit the buffer, of even size (a 1 MiB write under PBSZ 1 MiB is two
        // halves, not a full block and a 256-byte one): nothing is held back for the next write.
        var blocks = (buffer.Length + _chunk - 1) / _chunk;
        while (!buffer.IsEmpty)
        {
            var piece = buffer[..((buffer.Length + blocks - 1) / blocks)];
            await SendBlockAsync(piece, cancellationToken);
            buffer = buffer[piece.Length..];
            blocks--;
        }
    }

    /// <summary>
    /// The end-of-data block of a download: a token that unwraps to zero bytes (curl needs it to know the data is
    /// complete). An upload's end is the client's to send: a token it never unwraps would break the sequence it checks.
    /// </summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_received)
        {
            return;
        }
        await SendBlockAsync(ReadOnlyMemory<byte>.Empty, cancellationToken);
        await FlushAsync(cancellationToken);
    }

    // Wraps into the free buffer while the previous block may still be going out, then hands this one to the connection
    // without waiting for it: the caller reads the next piece of the file meanwhile, and the next wrap overlaps the send.
    private async ValueTask SendBlockAsync(ReadOnlyMemory<byte> plain, CancellationToken cancellationToken)
    {
        var block = _outgoing[_wrapInto] ??= new PooledBlockWriter(_chunk + TokenOverhead + 4);
        block.Reset();
        _context.Wrap(plain.Span, block, _encrypt);
        await SentAsync();
        _sending = _inner.WriteAsync(block.Seal(), cancellationToken).AsTask();
        _wrapInto ^= 1;
    }

    // The block in flight has been taken by the connection; a failure of it surfaces here, as the network's.
    private async ValueTask SentAsync()
    {
        try
        {
            await _sending;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException && ex is not DataChannels.DataConnectionException)
        {
            throw new DataChannels.DataConnectionException(ex);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _received = true;
        while (_plainLength == 0)
        {
            if (_ended || !await NextBlockAsync(cancellationToken))
            {
                _ended = true;
                return 0;
            }
        }
        var count = Math.Min(buffer.Length, _plainLength);
        _incoming.AsSpan(_plainOffset, count).CopyTo(buffer.Span);
        _plainOffset += count;
        _plainLength -= count;
        return count;
    }

    // False at the end of data: an empty block, or the connection closed on a block boundary. Once a block has unwrapped
    // to data, the next one is read in while the caller writes that data out.
    private async ValueTask<bool> NextBlockAsync(CancellationToken cancellationToken)
    {
        _incoming ??= TrimmableArrayPool<byte>.Shared.Rent(_maxToken);
        _ahead ??= TrimmableArrayPool<byte>.Shared.Rent(_maxToken);
        var reading = _reading ?? ReadTokenAsync(_ahead, cancellationToken);
        _reading = null;
        var length = await reading;
        if (length == 0)
        {
            return false;
        }
        (_incoming, _ahead) = (_ahead, _incoming);
        if (!_context.TryUnwrapInPlace(_incoming.AsSpan(0, length), out _plainOffset, out _plainLength, out var encrypted) || encrypted != _encrypt)
        {
            throw new GssapiProtectionException("A protected data block failed to unwrap.");
        }
        if (_plainLength == 0)
        {
            return false; // the end-of-data block: nothing after it is read
        }
        _reading = ReadTokenAsync(_ahead, cancellationToken);
        return true;
    }

    // One block's token into target: its length, or 0 when the connection closed on a block boundary.
    private async Task<int> ReadTokenAsync(byte[] target, CancellationToken cancellationToken)
    {
        var headerRead = await _inner.ReadAtLeastAsync(_header, 4, throwOnEndOfStream: false, cancellationToken);
        if (headerRead == 0)
        {
            return 0;
        }
        if (headerRead < 4)
        {
            throw new IOException("The data connection closed inside a protection buffer's length.");
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(_header);
        if (length <= 0 || length > _maxToken)
        {
            throw new GssapiProtectionException($"A protected data block of {length} bytes exceeds the protection buffer size.");
        }
        await _inner.ReadExactlyAsync(target.AsMemory(0, length), cancellationToken);
        return length;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();

    public override void Flush() => FlushAsync(default).GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SentAsync();
        await _inner.FlushAsync(cancellationToken);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            Settle().GetAwaiter().GetResult();
            ReturnBuffers();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        await Settle();
        ReturnBuffers();
        GC.SuppressFinalize(this);
    }

    // Closing the connection ends a send or read still in flight (a failed or abandoned transfer); the buffers go back
    // to the pool only once nothing uses them, and what those operations failed with is no news any more.
    private async Task Settle()
    {
        Task[] pending = _reading is null ? [_sending] : [_sending, _reading];
        try
        {
            await Task.WhenAll(pending);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException
                                   or OperationCanceledException or InvalidOperationException or GssapiProtectionException)
        {
            // Observed; the transfer has reported its outcome already.
        }
        _reading = null;
        _sending = Task.CompletedTask;
    }

    private void ReturnBuffers()
    {
        foreach (var block in _outgoing)
        {
            block?.Dispose();
        }
        Array.Clear(_outgoing);
        foreach (var buffer in new[] { _incoming, _ahead })
        {
            if (buffer is not null)
            {
                TrimmableArrayPool<byte>.Shared.Return(buffer);
            }
        }
        _incoming = _ahead = null;
    }
}
