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
public partial class Blacklist
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CountdownInterval = TimeSpan.FromSeconds(1);

    private readonly BlacklistRows _feed = new();
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<TemporaryBlacklistResponse> _rows = [];
    private FtpSettingsModel? _settings;
    private LiveState _state = LiveState.Connecting;
    private DateTimeOffset _now;
    private volatile bool _dirty;
    private Task? _reading;
    private ITimer? _render;

    [Inject] private LiveStream Stream { get; set; } = null!;
    [Inject] private FtpApiClient Api { get; set; } = null!;
    [Inject] private ApiCalls Calls { get; set; } = null!;
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
        Stream.StateChanged += OnStateChanged;
        _reading = Stream.RunEventsAsync("/api/blacklist/temporary/stream", _ => { }, OnEvent, _stop.Token);
        _render = Time.CreateTimer(_ => _ = InvokeAsync(Tick), null, RenderInterval, RenderInterval);
        _settings = (await Calls.RunAsync(() => Api.GetSettingsAsync()))?.Value;
    }

    private void OnEvent(string name, string data)
    {
        if (_feed.Apply(name, data))
        {
            _dirty = true;
        }
    }

    private void OnStateChanged(LiveState state) => _ = InvokeAsync(() =>
    {
        _state = state;
        if (state == LiveState.SignInRequired)
        {
            Calls.SignInAgain();
        }
        StateHasChanged();
    });

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

    public async ValueTask DisposeAsync()
    {
        Stream.StateChanged -= OnStateChanged;
        await _stop.CancelAsync();
        if (_render is not null)
        {
            await _render.DisposeAsync();
        }
        if (_reading is not null)
        {
            await _reading;
        }
        _stop.Dispose();
    }
}
