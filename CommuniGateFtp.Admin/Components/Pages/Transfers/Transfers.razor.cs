using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Transfers;

/// <summary>
/// The running transfers and the recent finished ones, both from <c>/api/sessions/stream</c>: its snapshot brings the
/// recent list (the same ring as <c>/api/transfers/recent</c>), its <c>transfer</c> events add to it as they finish.
/// </summary>
public partial class Transfers
{
    private List<LiveSession> _running = [];
    private IReadOnlyList<FinishedTransferResponse> _recent = [];

    protected override void Show(SessionBoard board)
    {
        _running = [.. board.Sessions.Where(s => s.Session.Transfer is not null)];
        _recent = board.RecentTransfers;
    }

    private static string DirectionIcon(string direction) =>
        direction == "Receive" ? Icons.Material.Filled.Upload : Icons.Material.Filled.Download;

    private static string DirectionText(string direction) => direction == "Receive" ? "upload (from the client)" : "download (to the client)";

    private static double AverageRate(FinishedTransferResponse transfer) =>
        transfer.DurationSeconds > 0 ? transfer.Bytes / transfer.DurationSeconds : transfer.Bytes;
}
