using CommuniGateFtp.Admin.Services.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommuniGateFtp.Admin.Components.Pages.Log;

/// <summary>
/// Live tail of the FTP log (<c>GET /api/log/stream</c>): records arrive on the stream's task, are added under a lock and
/// shown at most four times a second; the view is virtualized, so only the visible lines are in the page.
/// </summary>
public partial class Log
{
    private static readonly (int Level, string Name)[] Levels =
        [(1, "Failures"), (2, "Major"), (3, "Problems"), (4, "Low-Level"), (5, "All Info")];

    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private readonly LogBuffer _buffer = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private List<string> _shown = [];
    private LiveState _state = LiveState.Connecting;
    private int _maxLevel = 5;
    private string _search = "";
    private bool _paused;
    private bool _dirty;
    private Task? _reading;
    private ElementReference _view;
    private bool _follow;
    private Timer? _render;

    protected override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // the prerendered page shows "connecting…"; the circuit opens the stream
        }
        Stream.StateChanged += OnStateChanged;
        _reading = Stream.RunAsync("/api/log/stream", OnConnected, OnRecord, _stop.Token);
        _render = new Timer(_ => _ = InvokeAsync(RenderIfChanged), null, RenderInterval, RenderInterval);
    }

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

    private void OnStateChanged(LiveState state) => _ = InvokeAsync(() =>
    {
        _state = state;
        if (state == LiveState.SignInRequired)
        {
            Calls.SignInAgain();
        }
        StateHasChanged();
    });

    private void RenderIfChanged()
    {
        lock (_gate)
        {
            if (!_dirty || _paused)
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
