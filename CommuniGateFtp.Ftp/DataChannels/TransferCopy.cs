using System.Runtime.ExceptionServices;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Moves a transfer's bytes with one pooled buffer (DATA-PIPE: memory independent of the file's size), counting them
/// live and ending a transfer that makes no progress for the stall timeout (DATA-STALL). Network failures surface as
/// <see cref="DataConnectionException"/>.
/// </summary>
public static class TransferCopy
{
    public const int BufferSize = 1 << 20;

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, optionally converting each chunk.</summary>
    public static async Task CopyAsync(Stream source, bool sourceIsNetwork, Stream destination, Sessions.FtpTransfer transfer,
        TimeSpan stallTimeout, CancellationToken cancellationToken, IChunkConverter? converter = null)
    {
        var buffer = TrimmableArrayPool<byte>.Shared.Rent(BufferSize);
        var converted = converter is null ? null : TrimmableArrayPool<byte>.Shared.Rent(BufferSize * 2 + 1);
        using var stall = new Sessions.Deadline(transfer.Clock, stallTimeout, cancellationToken, transfer.AbortToken);
        // A download reads a small file (or a big one's first piece) where it stands, and leaves the socket event thread
        // before each read that follows a full one; an upload before each write of more than a small file's worth.
        var fileRead = SocketEventThread.InlineFileBytes;
        var leaveBeforeRead = false;
        try
        {
            while (true)
            {
                if (leaveBeforeRead)
                {
                    await SocketEventThread.LeaveAsync();
                }
                var (read, ended, failure) = await FillAsync(source, sourceIsNetwork, buffer, sourceIsNetwork ? BufferSize : fileRead, transfer, stall,
                    stallTimeout);
                leaveBeforeRead = !sourceIsNetwork && read == fileRead;
                fileRead = BufferSize;
                if (read > 0)
                {
                    // Bytes that arrived before a failure are still written: an interrupted upload keeps them for REST.
                    var chunk = converter is null ? buffer.AsMemory(0, read) : converted.AsMemory(0, converter.Convert(buffer.AsSpan(0, read), converted!));
                    if (sourceIsNetwork && chunk.Length > SocketEventThread.InlineFileBytes)
                    {
                        await SocketEventThread.LeaveAsync();
                    }
                    await Guard(sourceIsNetwork, () => destination.WriteAsync(chunk, failure is null ? stall.Token : CancellationToken.None));
                }
                failure?.Throw();
                if (ended)
                {
                    if (converter?.Flush(converted!) is { } tail and > 0)
                    {
                        await Guard(sourceIsNetwork, () => destination.WriteAsync(converted.AsMemory(0, tail), stall.Token));
                    }
                    return;
                }
            }
        }
        finally
        {
            TrimmableArrayPool<byte>.Shared.Return(buffer);
            if (converted is not null)
            {
                TrimmableArrayPool<byte>.Shared.Return(converted);
            }
        }
    }

    // Sockets hand over what has arrived (often 64 KiB); gathering a full buffer first makes a network → file copy one
    // large write instead of many small ones. Each read counts at once, so the live counters and the stall clock move.
    // Ended: the source said end of data, with this read's bytes or without any (a small upload is not asked twice).
    private static async ValueTask<(int Read, bool Ended, ExceptionDispatchInfo? Failure)> FillAsync(Stream source, bool fromNetwork, byte[] buffer,
        int limit, Sessions.FtpTransfer transfer, Sessions.Deadline stall, TimeSpan stallTimeout)
    {
        var filled = 0;
        var cancellationToken = stall.Token;
        try
        {
            do
            {
                stall.Restart(stallTimeout); // DATA-STALL counts from the last progress
                // A file is read on the transfer's own thread: the page cache answers at once, and an "asynchronous" file
                // read on Linux is the same blocking read after a thread-pool hop (a cached RETR ran a third faster so).
                var read = fromNetwork
                    ? await Guard(false, () => source.ReadAsync(buffer.AsMemory(filled, limit - filled), cancellationToken))
                    : source.Read(buffer.AsSpan(filled, limit - filled));
                if (read == 0)
                {
                    return (filled, true, null);
                }
                filled += read;
                transfer.Add(read);
            }
            while (fromNetwork && filled < limit);
        }
        catch (Exception ex) when (filled > 0)
        {
            return (filled, false, ExceptionDispatchInfo.Capture(ex));
        }
        return (filled, false, null);
    }

    private static async Task<T> Guard<T>(bool isFile, Func<ValueTask<T>> io)
    {
        try
        {
            return await io();
        }
        catch (IOException ex) when (!isFile && ex is not DataConnectionException)
        {
            throw new DataConnectionException(ex);
        }
    }

    private static async Task Guard(bool isFile, Func<ValueTask> io)
    {
        try
        {
            await io();
        }
        catch (IOException ex) when (!isFile && ex is not DataConnectionException)
        {
            throw new DataConnectionException(ex);
        }
    }
}
