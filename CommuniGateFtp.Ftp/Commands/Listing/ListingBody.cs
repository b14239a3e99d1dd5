using System.Text;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>The data phase of LIST, NLST and MLSD: lines in UTF-8 (LST-NAMES), CRLF-terminated, streamed (never truncated).</summary>
public static class ListingBody
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For(IEnumerable<string> lines) =>
        async (network, transfer, stall, ct) =>
        {
            using var guard = new Deadline(transfer.Clock, stall, ct);
            try
            {
                await using var writer = new StreamWriter(network, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
                foreach (var line in lines)
                {
                    guard.Restart(stall);
                    await writer.WriteLineAsync(line.AsMemory(), guard.Token);
                    transfer.Add(Utf8.GetByteCount(line) + 2);
                }
                await writer.FlushAsync(guard.Token);
            }
            catch (IOException ex)
            {
                throw new DataConnectionException(ex);
            }
        };
}
