using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>LIST, NLST, MLSD: lines the listing writes itself (<c>Commands/Listing/ListingBody</c>), always as text.</summary>
/// <param name="WriteLines">Writes the lines to the data stream, counting them and honouring the stall timeout.</param>
/// <param name="Source">What the lines are written from (a pooled directory read), released when the transfer ends, whether or not it ran.</param>
public sealed record ListingDownload(Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> WriteLines, IDisposable? Source = null) : TransferContent
{
    public override TransferDirection Direction => TransferDirection.Send;

    public override Task FinishAsync(bool succeeded)
    {
        Source?.Dispose();
        return Task.CompletedTask;
    }
}
