using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// The recent finished file transfers of this node, a ring of the last <see cref="Capacity"/> (the dashboard's
/// "recent transfers"), and the feed that tells followers of each new one. Listings are not file transfers and are left
/// out: a mirror run's hundreds of LISTs would push every download out of the ring.
/// </summary>
public sealed class TransferHistory
{
    public const int Capacity = 200;

    public LiveFeed<FinishedTransfer> Feed { get; } = new(followerCapacity: Capacity, history: Capacity);

    public void Add(FinishedTransfer transfer) => Feed.Append(transfer);

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<FinishedTransfer> Recent() => Feed.Recent();

    /// <summary>RETR, STOR, STOU and APPE move files; LIST, NLST and MLSD only listings.</summary>
    public static bool IsFileTransfer(string command) => command is "RETR" or "STOR" or "STOU" or "APPE";
}
