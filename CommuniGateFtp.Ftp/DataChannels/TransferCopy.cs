using System.Buffers;

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
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var converted = converter is null ? null : ArrayPool<byte>.Shared.Rent(BufferSize * 2 + 1);
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, transfer.AbortToken);
        try
        {
            while (true)
            {
                stall.CancelAfter(stallTimeout);
                var read = await Guard(!sourceIsNetwork, () => source.ReadAsync(buffer.AsMemory(0, BufferSize), stall.Token));
                if (read == 0)
                {
                    if (converter?.Flush(converted!) is { } tail and > 0)
                    {
                        await Guard(sourceIsNetwork, () => destination.WriteAsync(converted.AsMemory(0, tail), stall.Token));
                    }
                    return;
                }
                var chunk = converter is null ? buffer.AsMemory(0, read) : converted.AsMemory(0, converter.Convert(buffer.AsSpan(0, read), converted!));
                await Guard(sourceIsNetwork, () => destination.WriteAsync(chunk, stall.Token));
                transfer.Add(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (converted is not null)
            {
                ArrayPool<byte>.Shared.Return(converted);
            }
        }
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
