namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// The stream an upload's bytes go to (<see cref="UploadTarget.Open"/>): its file, covered by the owner's
/// <see cref="QuotaReservation"/> beyond the bytes the upload frees; stops with <see cref="QuotaExceededException"/> at
/// the limit (FS-QUOTA-HIT). After the last byte <see cref="Commit"/> makes the upload the file; after a quota hit
/// <see cref="Undo"/> leaves nothing of it; otherwise disposing keeps what arrived (for REST).
/// </summary>
public sealed class FileWriter : Stream
{
    private readonly UploadTarget _target;
    private readonly FileStream _file;
    private readonly QuotaReservation _reservation;
    private readonly long _bytesFreed;

    internal FileWriter(UploadTarget target, FileStream file, QuotaReservation reservation, long bytesFreed) =>
        (_target, _file, _reservation, _bytesFreed) = (target, file, reservation, bytesFreed);

    /// <summary>
    /// The largest single file write. Measured on this VM class (Linux 6.18, ext4): 1 GiB written in 1 MiB (or 512 KiB)
    /// writes into fresh page cache ran at 0.55-1.3 GB/s whenever the machine's memory had been idle for a few seconds,
    /// in 256 KiB writes at 3.7-4.7 GB/s every time (the kernel backs a buffered write with page-cache folios as large
    /// as the write, and large free blocks are the ones the VM has handed back to its host; docs/benchmarks.md).
    /// </summary>
    public const int LargestWrite = 256 << 10;

    public long Written { get; private set; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _reservation.CoverAsync(Written + buffer.Length - _bytesFreed, cancellationToken);
        // On Linux a file's "asynchronous" write is this same blocking pwrite on another thread-pool thread: writing here,
        // on the thread already running the transfer, spares a hop per write (per small file) and gives the same blocking.
        for (var rest = buffer.Span; !rest.IsEmpty; rest = rest[Math.Min(LargestWrite, rest.Length)..])
        {
            _file.Write(rest[..Math.Min(LargestWrite, rest.Length)]);
        }
        Written += buffer.Length;
    }

    /// <summary>After the last byte: a resume loses what lay beyond it; a staged file replaces the old one atomically.</summary>
    public void Commit()
    {
        _file.Flush();
        _target.Complete(_file);
    }

    /// <summary>After a quota hit nothing of the upload may stay (FS-QUOTA-HIT).</summary>
    public void Undo() => _target.Undo(_file);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);

    public override void Flush() => _file.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
