using System.Buffers;
using System.Text;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>
/// The data phase of LIST, NLST and MLSD: lines in UTF-8 (LST-NAMES), CRLF-terminated, streamed (never truncated).
/// Lines are encoded straight into one pooled buffer that goes out whenever it is full, so a listing of thousands of
/// entries costs a few large writes, and the stall clock and the live counters move once per write, not per line.
/// </summary>
public static class ListingBody
{
    private const int ChunkSize = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For(IEnumerable<string> lines) =>
        async (network, transfer, stall, ct) =>
        {
            using var guard = new Deadline(transfer.Clock, stall, ct);
            var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            var filled = 0;
            try
            {
                foreach (var line in lines)
                {
                    var needed = Utf8.GetMaxByteCount(line.Length) + 2;
                    if (filled + needed > buffer.Length)
                    {
                        await SendAsync(network, buffer, filled, transfer, guard, stall);
                        filled = 0;
                        if (needed > buffer.Length)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = ArrayPool<byte>.Shared.Rent(needed); // a name of thousands of characters
                        }
                    }
                    filled += Utf8.GetBytes(line, buffer.AsSpan(filled));
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
