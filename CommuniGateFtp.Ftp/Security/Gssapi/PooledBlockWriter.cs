using System.Buffers;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.Security.Gssapi;

/// <summary>
/// One protected data block as it goes on the wire — the 4-byte length, then the wrap token — built in one pooled array
/// (returned on dispose), so that a block is one write and a transfer allocates nothing per block.
/// </summary>
internal sealed class PooledBlockWriter(int capacity) : IBufferWriter<byte>, IDisposable
{
    private const int HeaderSize = 4;

    private byte[] _buffer = TrimmableArrayPool<byte>.Shared.Rent(capacity);
    private int _written = HeaderSize;

    /// <summary>The block written so far, length prefix included.</summary>
    public ReadOnlyMemory<byte> Block => _buffer.AsMemory(0, _written);

    /// <summary>Starts a new block: the token that follows is written after room for its length.</summary>
    public void Reset() => _written = HeaderSize;

    /// <summary>Fills in the length prefix (big-endian, RFC 2228 3) from the token written since <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> Seal()
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(_buffer, _written - HeaderSize);
        return Block;
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.AsMemory(_written, Room(sizeHint));

    public Span<byte> GetSpan(int sizeHint = 0) => _buffer.AsSpan(_written, Room(sizeHint));

    // A token larger than expected (another enctype's overhead) grows the array once rather than failing.
    private int Room(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written < needed)
        {
            var larger = TrimmableArrayPool<byte>.Shared.Rent(_written + needed);
            _buffer.AsSpan(0, _written).CopyTo(larger);
            TrimmableArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return _buffer.Length - _written;
    }

    public void Dispose()
    {
        TrimmableArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
