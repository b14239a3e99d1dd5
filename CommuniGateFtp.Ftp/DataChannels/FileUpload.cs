using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>STOR, APPE, STOU: the data into <paramref name="Upload"/>'s target, in TYPE <paramref name="Type"/>.</summary>
/// <param name="Expected">The bytes announced (ALLO), when known.</param>
public sealed record FileUpload(Upload Upload, TransferType Type, long? Expected = null) : TransferContent
{
    public override TransferDirection Direction => TransferDirection.Receive;

    public override long? Size => Expected;

    public override Task FinishAsync(bool succeeded) => Upload.FinishAsync(succeeded);
}
