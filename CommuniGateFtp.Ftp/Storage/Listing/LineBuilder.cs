using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>
/// Appends the pieces of one listing line to a span as UTF-8: fixed ASCII, names (ill-formed UTF-16 replaced, as
/// <see cref="Utf8.TryWrite(Span{byte}, IFormatProvider?, ref Utf8.TryWriteInterpolatedStringHandler, out int)"/> does),
/// and numbers in the fixed forms listings use. A piece that does not fit marks the whole line as not fitting. Every
/// method is optimised at once: a listing calls them 100,000 times before tiered compilation would promote them.
/// </summary>
internal ref struct LineBuilder(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;
    private int _length;
    private bool _overflow;

    /// <summary>Bytes so far.</summary>
    public readonly int Length => _length;

    /// <summary>The line's length, or false when some piece did not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly bool TryFinish(out int written)
    {
        written = _overflow ? 0 : _length;
        return !_overflow;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(scoped ReadOnlySpan<byte> utf8)
    {
        if (utf8.TryCopyTo(_destination[_length..]))
        {
            _length += utf8.Length;
        }
        else
        {
            _overflow = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(byte ascii)
    {
        if (_length < _destination.Length)
        {
            _destination[_length++] = ascii;
        }
        else
        {
            _overflow = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(string text)
    {
        if (Utf8.FromUtf16(text, _destination[_length..], out _, out var written) == OperationStatus.Done)
        {
            _length += written;
        }
        else
        {
            _overflow = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendSpaces(int count)
    {
        if (count <= 0)
        {
            return;
        }
        if (_length + count <= _destination.Length)
        {
            _destination.Slice(_length, count).Fill((byte)' ');
            _length += count;
        }
        else
        {
            _overflow = true;
        }
    }

    /// <summary>A decimal number, right-aligned in <paramref name="width"/> with spaces, or zero-padded to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(long value, int width = 0, bool zeroPadded = false)
    {
        Span<byte> digits = stackalloc byte[20];
        if (!Utf8Formatter.TryFormat(value, digits, out var count))
        {
            _overflow = true;
            return;
        }
        if (zeroPadded)
        {
            for (; count < width; width--)
            {
                Append((byte)'0');
            }
        }
        else
        {
            AppendSpaces(width - count);
        }
        Append(digits[..count]);
    }

    /// <summary>Sixteen lower-case hexadecimal digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendHex(ulong value)
    {
        if (_length + 16 <= _destination.Length)
        {
            _ = value.TryFormat(_destination.Slice(_length, 16), out _, "x16");
            _length += 16;
        }
        else
        {
            _overflow = true;
        }
    }
}
