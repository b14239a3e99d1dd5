using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using Microsoft.AspNetCore.Components;

namespace CommuniGateFtp.Admin.Components.Shared;

/// <summary>
/// A page fed by one live stream of the management API: it follows the stream while the page is open, keeps
/// <see cref="State"/> for the <see cref="LiveIndicator"/>, sends the operator to sign in again when the token is
/// refused, and stops the stream and the page's render timer when the page closes.
/// </summary>
public abstract class LivePage : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _reading;
    private IAsyncDisposable? _render;

    [Inject] protected LiveStream Stream { get; set; } = null!;

    [Inject] protected ApiCalls Calls { get; set; } = null!;

    protected LiveState State { get; private set; } = LiveState.Connecting;

    /// <summary>
    /// Follows <paramref name="path"/> until the page closes (LiveStream.RunAsync); events arrive off
    /// the circuit, so the page gathers them and shows them from <paramref name="renderTimer"/>'s ticks, which it owns no more.
    /// </summary>
    protected void Follow(string path, Action<bool> connected, Action<string, string> received, IAsyncDisposable renderTimer)
    {
        Stream.StateChanged += OnStateChanged;
        _render = renderTimer;
        _reading = ReadAsync(path, connected, received);
    }

    private async Task ReadAsync(string path, Action<bool> connected, Action<string, string> received)
    {
        await Stream.RunAsync(path, connected, received, _stop.Token);
        if (Stream.State == LiveState.Stopped && !_stop.IsCancellationRequested)
        {
            OnStreamGone();
        }
    }

    /// <summary>The route answered 404 (what it follows is gone, e.g. ended while the service was away).</summary>
    protected virtual void OnStreamGone()
    {
    }

    /// <summary>Stops following before the page closes (the stream's last event came).</summary>
    protected void StopFollowing() => _stop.Cancel();

    private void OnStateChanged(LiveState state) => _ = InvokeAsync(() =>
    {
        State = state;
        if (state == LiveState.SignInRequired)
        {
            Calls.SignInAgain();
        }
        StateHasChanged();
    });

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
        GC.SuppressFinalize(this);
    }
}
