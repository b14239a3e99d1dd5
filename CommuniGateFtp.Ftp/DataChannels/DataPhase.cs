using System.Net.Sockets;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// The engine's choice of how a transfer's bytes move once its data stream is open and protected: a plain binary
/// download by large reads and sends, or by <see cref="ZeroCopySender"/> where <see cref="FtpOptions.PlainDownloads"/>
/// says so; TYPE A through the line-end converters (DATA-ASCII); protected streams and uploads through one pooled
/// buffer (<see cref="TransferCopy"/>, DATA-PIPE).
/// </summary>
public sealed class DataPhase(IOptions<FtpOptions> options)
{
    /// <summary>Moves <paramref name="content"/> over <paramref name="data"/>; the caller flushes and ends the stream.</summary>
    public Task RunAsync(TransferContent content, Stream data, FtpTransfer transfer, TimeSpan stall, CancellationToken cancellationToken) =>
        content switch
        {
            FileDownload download => SendAsync(download, data, transfer, stall, cancellationToken),
            FileUpload upload => ReceiveAsync(upload, data, transfer, stall, cancellationToken),
            ListingDownload listing => listing.WriteLines(data, transfer, stall, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(content), content.GetType().Name, "No data phase for this content."),
        };

    private async Task SendAsync(FileDownload download, Stream data, FtpTransfer transfer, TimeSpan stall, CancellationToken cancellationToken)
    {
        await using var file = download.File.OpenRead();
        var ascii = download.Type == TransferType.Ascii;
        if (!ascii && options.Value.PlainDownloads == PlainDownloadMethod.Sendfile && data is NetworkStream { Socket: var socket })
        {
            await ZeroCopySender.SendAsync(socket, file, download.Offset, transfer, stall, cancellationToken);
            return;
        }
        file.Seek(download.Offset, SeekOrigin.Begin);
        await TransferCopy.CopyAsync(file, false, data, transfer, stall, cancellationToken, ascii ? AsciiConverters.ToNetwork() : null);
    }

    private static async Task ReceiveAsync(FileUpload upload, Stream data, FtpTransfer transfer, TimeSpan stall, CancellationToken cancellationToken)
    {
        await using var file = upload.Upload.Open();
        try
        {
            await TransferCopy.CopyAsync(data, true, file, transfer, stall, cancellationToken,
                upload.Type == TransferType.Ascii ? AsciiConverters.FromNetwork() : null);
            file.Commit();
        }
        catch (QuotaExceededException)
        {
            file.Undo();
            throw;
        }
    }
}
