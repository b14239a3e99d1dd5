using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace CommuniGateFtp.Ftp.Security.Gssapi;

/// <summary>
/// A data connection under PROT S or P with GSSAPI (RFC 2228 3, GSS-PROT): each block is a 4-byte big-endian length and
/// a wrap token, whose plaintext fits the protection buffer; the end of data is one more block that unwraps to nothing
/// (<see cref="FinishAsync"/>), then the connection closes. Reading accepts a clean end of the connection on a block
/// boundary as the end too.
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
    private readonly ArrayBufferWriter<byte> _outgoing = new();
    private readonly byte[] _header = new byte[4];
    private byte[]? _incoming;
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
        // Each write goes out at once as blocks of at most a chunk: nothing is copied or held back.
        while (!buffer.IsEmpty)
        {
            var piece = buffer[..Math.Min(buffer.Length, _chunk)];
            await SendBlockAsync(piece, cancellationToken);
            buffer = buffer[piece.Length..];
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
        await _inner.FlushAsync(cancellationToken);
    }

    private ValueTask SendBlockAsync(ReadOnlyMemory<byte> plain, CancellationToken cancellationToken)
    {
        _outgoing.ResetWrittenCount();
        _outgoing.GetSpan(4);
        _outgoing.Advance(4); // the length prefix, filled in below
        _context.Wrap(plain.Span, _outgoing, _encrypt);
        var block = MemoryMarshal.AsMemory(_outgoing.WrittenMemory);
        BinaryPrimitives.WriteInt32BigEndian(block.Span, block.Length - 4);
        return _inner.WriteAsync(block, cancellationToken);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _received = true;
        while (_plainLength == 0)
        {
            if (_ended || !await ReadBlockAsync(cancellationToken))
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

    // False at the end of data: an empty block, or the connection closed on a block boundary.
    private async ValueTask<bool> ReadBlockAsync(CancellationToken cancellationToken)
    {
        var headerRead = await _inner.ReadAtLeastAsync(_header, 4, throwOnEndOfStream: false, cancellationToken);
        if (headerRead == 0)
        {
            return false;
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
        _incoming ??= ArrayPool<byte>.Shared.Rent(_maxToken);
        await _inner.ReadExactlyAsync(_incoming.AsMemory(0, length), cancellationToken);
        if (!_context.TryUnwrapInPlace(_incoming.AsSpan(0, length), out _plainOffset, out _plainLength, out var encrypted) || encrypted != _encrypt)
        {
            throw new GssapiProtectionException("A protected data block failed to unwrap.");
        }
        return _plainLength > 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            ReturnBuffer();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        ReturnBuffer();
        GC.SuppressFinalize(this);
    }

    private void ReturnBuffer()
    {
        if (_incoming is not null)
        {
            ArrayPool<byte>.Shared.Return(_incoming);
            _incoming = null;
        }
    }
}
