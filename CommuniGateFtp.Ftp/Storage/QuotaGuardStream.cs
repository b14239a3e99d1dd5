namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Passes an upload's writes to its file, covered by the owner's <see cref="QuotaReservation"/> beyond the bytes the upload
/// frees (<paramref name="bytesFreed"/>); stops with <see cref="QuotaExceededException"/> at the limit (FS-QUOTA-HIT).
/// The file is opened for synchronous writes (<see cref="Commands.Transfer.UploadTarget.Open"/>).
/// </summary>
public sealed class QuotaGuardStream(FileStream file, QuotaReservation reservation, long bytesFreed) : Stream
{
    public long Written { get; private set; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await reservation.CoverAsync(Written + buffer.Length - bytesFreed, cancellationToken);
        // On Linux a file's "asynchronous" write is this same blocking pwrite on another thread-pool thread: writing here,
        // on the thread already running the transfer, spares a hop per write (per small file) and gives the same blocking.
        file.Write(buffer.Span);
        Written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

    public override void Flush() => file.Flush();

    public override bool CanRead => false;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
