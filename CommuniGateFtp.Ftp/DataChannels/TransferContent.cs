using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// What a transfer moves, as a handler describes it to the <see cref="TransferEngine"/>: a file range to send
/// (<see cref="FileDownload"/>), an upload to receive (<see cref="FileUpload"/>), or listing lines
/// (<see cref="ListingDownload"/>). The engine picks how the bytes move.
/// </summary>
public abstract record TransferContent
{
    public abstract TransferDirection Direction { get; }

    /// <summary>How many bytes will move, when known (the live view's progress and ETA).</summary>
    public virtual long? Size => null;

    /// <summary>
    /// Runs once at the end, told whether the transfer succeeded, before the final reply — also when the transfer never
    /// starts (FS-ATOMIC clean-up, usage, the file's write gate).
    /// </summary>
    public virtual Task FinishAsync(bool succeeded) => Task.CompletedTask;
}
