using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>The data phase shared by STOR, APPE and STOU: network → file, CRLF → LF in TYPE A.</summary>
public static class UploadBody
{
    public static Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> For(UploadTarget target, bool ascii) =>
        async (network, transfer, stall, ct) =>
        {
            var file = target.Open();
            try
            {
                await TransferCopy.CopyAsync(network, true, file, transfer, stall, ct, ascii ? AsciiConverters.FromNetwork() : null);
                await file.FlushAsync(ct);
                target.Complete(file);
            }
            finally
            {
                await file.DisposeAsync();
            }
        };
}
