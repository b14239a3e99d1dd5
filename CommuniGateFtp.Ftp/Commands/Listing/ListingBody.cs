using System.Buffers;
using System.Text;
using CommuniGateFtp.Ftp.DataChannels;
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

    /// <summary>Lines that are strings already (NLST's names).</summary>
    public static Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For(IEnumerable<string> lines) =>
        For(lines, static (line, destination, out written) => Utf8.TryGetBytes(line, destination, out written));

    /// <summary>Lines written by <paramref name="format"/> as the listing goes out (LIST's and MLSD's entries).</summary>
    public static Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For<T>(IEnumerable<T> items, ListingLineWriter<T> format) =>
        async (network, transfer, stall, ct) =>
        {
            using var guard = new Deadline(transfer.Clock, stall, ct);
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            var filled = 0;
            try
            {
                foreach (var item in items)
                {
                    int written;
                    while (true)
                    {
                        var room = buffer.Length - filled - 2; // the line end always fits after the line
                        if (room >= 0 && format(item, buffer.AsSpan(filled, room), out written))
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
                            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2); // a line longer than a chunk
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }
                    filled += written;
                    buffer[filled++] = (byte)'\r';
                    buffer[filled++] = (byte)'\n';
                }
                await SendAsync(network, buffer, filled, transfer, guard, stall);
            }
            catch (IOException ex)
            {
                throw new DataConnectionException(ex);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        };

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
