using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>RETR: <paramref name="File"/> from <paramref name="Offset"/> to its end, in TYPE <paramref name="Type"/>.</summary>
/// <param name="Length">The bytes from the offset to the end when the command was served (the live view's size).</param>
public sealed record FileDownload(StorageLocation File, long Offset, long Length, TransferType Type) : TransferContent
{
    public override TransferDirection Direction => TransferDirection.Send;

    public override long? Size => Length;
}
