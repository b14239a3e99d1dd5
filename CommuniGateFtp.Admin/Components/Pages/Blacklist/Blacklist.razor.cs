using CommuniGateFtp.Admin.Components.Shared;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Blacklist;

/// <summary>
/// The temporary blacklist, live (<c>/api/blacklist/temporary/stream</c>): rows change as blocks start, grow and end;
/// the remaining time counts down every second; Lift (after a confirmation) lifts a block through the API, and the
/// stream then removes the row. The rule shown comes from the live settings.
/// </summary>
public partial class Blacklist : LivePage
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CountdownInterval = TimeSpan.FromSeconds(1);

    private readonly BlacklistRows _feed = new();
    private IReadOnlyList<TemporaryBlacklistResponse> _rows = [];
    private FtpSettingsModel? _settings;
    private DateTimeOffset _now;
    private volatile bool _dirty;

    [Inject] private FtpApiClient Api { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _now = Time.GetUtcNow();
        if (!RendererInfo.IsInteractive)
        {
            return; // the circuit opens the stream
        }
        Follow("/api/blacklist/temporary/stream", _ => { }, OnEvent, Time.CreateTimer(_ => _ = InvokeAsync(Tick), null, RenderInterval, RenderInterval));
        _settings = (await Calls.RunAsync(() => Api.GetSettingsAsync()))?.Value;
    }

    private void OnEvent(string name, string data)
    {
        if (_feed.Apply(name, data))
        {
            _dirty = true;
        }
    }

    // New rows at once (within a render interval), the countdown once a second.
    private void Tick()
    {
        var now = Time.GetUtcNow();
        if (!_dirty && now - _now < CountdownInterval)
        {
            return;
        }
        _dirty = false;
        _rows = _feed.Rows;
        _now = now;
        StateHasChanged();
    }

    private async Task LiftAsync(TemporaryBlacklistResponse row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Lift the block",
            $"Let {row.Address} connect and log in again now? Its failures and blocks are forgotten, so a next block starts short again.",
            yesText: "Lift", cancelText: "Cancel");
        if (confirmed == true && await Calls.RunAsync(() => Api.LiftBlacklistAsync(row.Address)))
        {
            Snackbar.Add($"{row.Address} may connect again", Severity.Success);
        }
    }
}
