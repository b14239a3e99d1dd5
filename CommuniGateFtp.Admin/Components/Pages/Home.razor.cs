using System.Net;
using System.Text.Json;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommuniGateFtp.Admin.Components.Pages;

/// <summary>
/// The Overview: this node's figures now (<c>/api/stats</c>, every <see cref="Poll"/>), its throughput over the last ten
/// minutes (<c>/api/stats/throughput</c>, a new step every five seconds), its top accounts by traffic, and the cluster's
/// nodes with their listener sockets (<c>/api/nodes</c>). A Domain administrator, who may not see server figures, gets its
/// Domain's sessions and running transfers on every node instead (<c>/api/sessions</c>, scoped by the API). The figures
/// are asked for, not streamed: while the Ftp service is away the page says "reconnecting…" and carries on by itself.
/// </summary>
public partial class Home
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2.5);

    private readonly CancellationTokenSource _stop = new();
    private Task? _polling;
    private int? _domains;
    private int? _accounts;
    private StatsResponse? _stats;
    private ThroughputResponse? _throughput;
    private TopAccountsResponse? _top;
    private List<NodeResponse>? _nodes;
    private bool _domainView;
    private int? _domainSessions;
    private int? _domainTransfers;
    private int _topMinutes = 10;
    private LiveState _state = LiveState.Connecting;
    private string? _problem;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _domainView = Authentication is not null && !(await Authentication).User.IsInRole(ManagementRoles.ServerAdministrator);
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        _polling = PollAsync(_stop.Token);
        if (_domainView)
        {
            _accounts = (await Calls.RunAsync(() => Api.SearchAccountsAsync(null, 0, 1)))?.Total;
            return;
        }
        _domains = (await Calls.RunAsync(() => Api.GetDomainsAsync()))?.Count;
        _accounts = (await Calls.RunAsync(() => Api.SearchAccountsAsync(null, 0, 1)))?.Total;
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Poll, Time);
        var round = 0;
        do
        {
            if (!await RefreshAsync(round++, cancellationToken))
            {
                return;
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    /// <summary>
    /// One round: the figures and the nodes always, the chart every second round (its steps are 5 s), the top accounts
    /// every fourth; for a Domain administrator its Domain's sessions.
    /// </summary>
    private async Task<bool> RefreshAsync(int round, CancellationToken cancellationToken)
    {
        try
        {
            if (_domainView)
            {
                var sessions = await Api.GetSessionsAsync(cancellationToken);
                await InvokeAsync(() =>
                {
                    (_domainSessions, _domainTransfers, _state, _problem) = (sessions.Count, sessions.Count(s => s.Transfer is not null), LiveState.Live, null);
                    StateHasChanged();
                });
                return true;
            }
            var stats = await Api.GetStatsAsync(cancellationToken);
            var nodes = await Api.GetNodesAsync(cancellationToken);
            var throughput = round % 2 == 0 || _throughput is null ? await Api.GetThroughputAsync(cancellationToken) : _throughput;
            var top = round % 4 == 0 || _top is null ? await Api.GetTopAccountsAsync(_topMinutes, 10, cancellationToken) : _top;
            await InvokeAsync(() => { (_stats, _throughput, _top, _nodes, _state, _problem) = (stats, throughput, top, nodes, LiveState.Live, null); StateHasChanged(); });
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (FtpApiException ex) when (ex.SignInRequired)
        {
            await InvokeAsync(Calls.SignInAgain);
            return false;
        }
        catch (FtpApiException ex) when (ex.Status == HttpStatusCode.Forbidden)
        {
            await InvokeAsync(() => { (_problem, _state) = ($"The server's figures are for server administrators ({ex.Message}).", LiveState.Stopped); StateHasChanged(); });
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or FtpApiException or OperationCanceledException or JsonException)
        {
            await InvokeAsync(() => { _state = LiveState.Reconnecting; StateHasChanged(); }); // the Ftp service is away: the next round tries again
            return true;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task SetTopMinutesAsync(int minutes)
    {
        _topMinutes = minutes;
        _top = await Calls.RunAsync(() => Api.GetTopAccountsAsync(minutes, 10)) ?? _top;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_polling is not null)
        {
            await _polling;
        }
        _stop.Dispose();
    }
}
