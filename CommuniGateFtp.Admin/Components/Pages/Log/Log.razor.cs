using CommuniGateFtp.Admin.Components.Shared;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommuniGateFtp.Admin.Components.Pages.Log;

/// <summary>
/// Live tail of the FTP log (<c>GET /api/log/stream</c>): records arrive on the stream's task, are added under a lock and
/// shown at most four times a second; the view is virtualized, so only the visible lines are in the page. The day
/// picker switches to a past day's file (<see cref="Components.PastLog"/>); the live tail keeps gathering meanwhile.
/// </summary>
public partial class Log : LivePage
{
    private const string LiveKey = "live";

    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private readonly LogBuffer _buffer = new();
    private readonly Lock _gate = new();
    private List<string> _shown = [];
    private int _maxLevel = 5;
    private string _search = "";
    private bool _paused;
    private bool _dirty;
    private ElementReference _view;
    private bool _follow;
    private IReadOnlyList<LogDayResponse> _days = [];
    private string _dayKey = LiveKey;
    private LogDayResponse? _day;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // the prerendered page shows "connecting…"; the circuit opens the stream
        }
        Follow("/api/log/stream", OnConnected, (_, line) => OnRecord(line),
            new Timer(_ => _ = InvokeAsync(RenderIfChanged), null, RenderInterval, RenderInterval));
        await LoadDaysAsync();
    }

    /// <summary>The daily files present, asked again whenever the picker opens (a new day, retention).</summary>
    private async Task LoadDaysAsync()
    {
        if (await Calls.RunAsync(() => Api.GetLogDaysAsync()) is { } answer)
        {
            _days = answer.Days;
        }
    }

    private void PickDay(string key)
    {
        _dayKey = key;
        _day = _days.FirstOrDefault(d => Key(d) == key);
        if (_day is null)
        {
            _dayKey = LiveKey;
            Refilter(() => { }); // back to the live tail, as it stands now
        }
    }

    private static string Key(LogDayResponse day) => $"{day.Node}/{day.Date:yyyy-MM-dd}";

    // The node only when several nodes' files are listed; today's file is named as such (the live tail is above it).
    private string Label(LogDayResponse day) =>
        $"{day.Date:yyyy-MM-dd}{(day.Date == DateOnly.FromDateTime(DateTime.UtcNow) ? " (today's file)" : "")}"
        + $"{(_days.Any(d => d.Node != day.Node) ? " · " + day.Node : "")} · {ByteSize.Format(day.Bytes)}";

    private void OnConnected(bool reconnection)
    {
        lock (_gate)
        {
            if (reconnection)
            {
                _buffer.Resume();
            }
        }
    }

    private void OnRecord(string line)
    {
        lock (_gate)
        {
            _buffer.Add(line);
            _dirty = true;
        }
    }

    private void RenderIfChanged()
    {
        lock (_gate)
        {
            if (!_dirty || _paused || _day is not null)
            {
                return;
            }
            _dirty = false;
            _shown = [.. _buffer.View];
        }
        _follow = true;
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_follow)
        {
            _follow = false;
            try
            {
                await JS.InvokeVoidAsync("cgftpScrollToEnd", _view);
            }
            catch (JSDisconnectedException)
            {
                // the page is closing
            }
        }
    }

    private void SetLevel(int level) => Refilter(() => _maxLevel = level);

    private void SetSearch(string? search) => Refilter(() => _search = search ?? "");

    private void SetPaused(bool paused) => Refilter(() => _paused = paused);

    private void Clear() => Refilter(_buffer.Clear);

    private void Refilter(Action change)
    {
        lock (_gate)
        {
            change();
            _buffer.SetFilter(_maxLevel, _search);
            _shown = [.. _buffer.View];
            _dirty = false;
        }
    }
}
