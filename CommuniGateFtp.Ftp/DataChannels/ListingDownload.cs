using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>LIST, NLST, MLSD: lines the listing writes itself (<c>Commands/Listing/ListingBody</c>), always as text.</summary>
/// <param name="WriteLines">Writes the lines to the data stream, counting them and honouring the stall timeout.</param>
public sealed record ListingDownload(Func<Stream, FtpTransfer, TimeSpan, CancellationToken, Task> WriteLines) : TransferContent
{
    public override TransferDirection Direction => TransferDirection.Send;
}
