using System.Net.Sockets;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Sends a file range straight from the page cache to a socket (Linux <c>sendfile</c> behind
/// <see cref="Socket.SendPacketsAsync"/>), in chunks so the live counters move and ABOR or the stall timeout can stop
/// it between chunks.
/// </summary>
public static class ZeroCopySender
{
    // Small enough that a slow but moving client never looks stalled (DATA-STALL), big enough to keep sendfile cheap.
    private const int ChunkSize = 1 << 20;

    public static async Task SendAsync(Socket socket, FileStream file, long offset, Sessions.FtpTransfer transfer,
        TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        using var args = new SocketAsyncEventArgs();
        var length = file.Length;
        if (length - offset > Hosting.SocketEventThread.InlineFileBytes)
        {
            await Hosting.SocketEventThread.LeaveAsync(); // sendfile reads the file where it runs (its completions go to the pool)
        }
        while (offset < length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = (int)Math.Min(ChunkSize, length - offset);
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnCompleted(object? sender, SocketAsyncEventArgs e) => completion.TrySetResult();
            args.Completed += OnCompleted;
            args.SendPacketsElements = [new SendPacketsElement(file, offset, count)];
            try
            {
                if (socket.SendPacketsAsync(args))
                {
                    // A stalled peer or ABOR closes the socket, which completes the pending send. Shut down first: a
                    // socket disposed with a send pending is reset (RST), and a client like curl then fails on the data
                    // connection without reading the control reply that says why (426, or 421 from a disconnect).
                    using var stall = new Sessions.Deadline(transfer.Clock, stallTimeout, cancellationToken);
                    await using (stall.Token.Register(() => Close(socket)))
                    {
                        await completion.Task;
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    if (stall.Expired)
                    {
                        throw new OperationCanceledException("The data connection stalled.");
                    }
                }
            }
            finally
            {
                args.Completed -= OnCompleted;
            }
            if (args.SocketError != SocketError.Success)
            {
                throw new DataConnectionException(new SocketException((int)args.SocketError));
            }
            offset += count;
            transfer.Add(count);
        }
    }

    private static void Close(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone: disposing is all that is left.
        }
        socket.Dispose();
    }
}
