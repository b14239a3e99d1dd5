using System.Runtime.CompilerServices;
using System.Text;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Memory;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>
/// The data phase of LIST, NLST and MLSD: lines in UTF-8 (LST-NAMES), CRLF-terminated, streamed (never truncated).
/// Each line is formatted straight into one pooled buffer that goes out whenever it is full, so a listing of thousands
/// of entries costs a few large writes and no string per line, and the stall clock and the live counters move once per
/// write, not per line.
/// </summary>
public static class ListingBody
{
    private const int ChunkSize = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Lines that are strings already (the name of a file NLST was given).</summary>
    public static Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For(IReadOnlyList<string> lines) =>
        For(lines, static (line, destination, out written) => Utf8.TryGetBytes(line, destination, out written));

    /// <summary>Lines written by <paramref name="format"/> from each item (the entry of a file LIST was given, tests).</summary>
    public static Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For<T>(IReadOnlyList<T> items, ListingLineWriter<T> format) =>
        For(items.Count, (i, destination, out written) => format(items[i], destination, out written));

    /// <summary>
    /// Lines 0 to <paramref name="count"/> - 1, each written by <paramref name="format"/> as the listing goes out (the
    /// entries of a <see cref="Storage.DirectoryListing"/>, straight from their UTF-8 names and facts).
    /// </summary>
    public static Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For(int count, ListingLineWriter<int> format) =>
        async (network, transfer, stall, ct) =>
        {
            using var guard = new Deadline(transfer.Clock, stall, ct);
            var buffer = TrimmableArrayPool<byte>.Shared.Rent(ChunkSize);
            var filled = 0;
            try
            {
                for (var next = 0; ;)
                {
                    filled = Fill(buffer, filled, format, count, ref next);
                    if (next == count)
                    {
                        break;
                    }
                    if (filled > 0)
                    {
                        await SendAsync(network, buffer, filled, transfer, guard, stall);
                        filled = 0;
                    }
                    else
                    {
                        var larger = TrimmableArrayPool<byte>.Shared.Rent(buffer.Length * 2); // a line longer than a chunk
                        TrimmableArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
                await SendAsync(network, buffer, filled, transfer, guard, stall);
            }
            catch (IOException ex)
            {
                throw new DataConnectionException(ex);
            }
            finally
            {
                TrimmableArrayPool<byte>.Shared.Return(buffer);
            }
        };

    // As many whole lines as fit, each followed by its line end; the loop of every listing, optimised from the first one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Fill(byte[] buffer, int filled, ListingLineWriter<int> format, int count, ref int next)
    {
        for (; next < count; next++)
        {
            var room = buffer.Length - filled - 2; // the line end always fits after the line
            if (room < 0 || !format(next, buffer.AsSpan(filled, room), out var written))
            {
                break;
            }
            filled += written;
            buffer[filled++] = (byte)'\r';
            buffer[filled++] = (byte)'\n';
        }
        return filled;
    }

    private static async Task SendAsync(Stream network, byte[] buffer, int count, FtpTransfer transfer, Deadline guard, TimeSpan stall)
    {
        if (count == 0)
        {
            return;
        }
        guard.Restart(stall); // DATA-STALL counts from the last progress
        await network.WriteAsync(buffer.AsMemory(0, count), guard.Token);
        transfer.Add(count);
    }
}
