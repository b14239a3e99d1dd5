using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using Microsoft.AspNetCore.Components;

namespace CommuniGateFtp.Admin.Components.Shared;

/// <summary>
/// A page fed by <c>/api/sessions/stream</c> (Sessions, Transfers, the Accounts page's live counts): opens the feed
/// once the circuit is interactive (the prerendered page shows "connecting…"), calls <see cref="Show"/> on the circuit
/// when the board changed and, with <see cref="TicksEverySecond"/>, once a second so idle times and durations move on,
/// sends the operator to sign in again when the token is refused, and closes the feed with the page.
/// </summary>
public abstract class LiveSessionsPage : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan Clock = TimeSpan.FromSeconds(1);

    private SessionsFeed? _feed;
    private ITimer? _clock;
    private bool _signingIn;

    [Inject]
    protected LiveStream Stream { get; set; } = default!;

    [Inject]
    protected TimeProvider Time { get; set; } = default!;

    [Inject]
    protected ApiCalls Calls { get; set; } = default!;

    /// <summary>Where the feed stands, for the page's <see cref="LiveIndicator"/>.</summary>
    protected LiveState FeedState { get; private set; } = LiveState.Connecting;

    /// <summary>The time of the last refresh, for idle times and durations.</summary>
    protected DateTimeOffset Now { get; private set; }

    protected virtual bool TicksEverySecond => true;

    protected override void OnInitialized()
    {
        Now = Time.GetUtcNow();
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        _feed = new SessionsFeed(Stream, Time);
        _feed.Changed += Refresh;
        if (TicksEverySecond)
        {
            _clock = Time.CreateTimer(_ => Refresh(), null, Clock, Clock);
        }
        _feed.Start();
    }

    /// <summary>Takes what the page shows from the board; called on the circuit, a render follows.</summary>
    protected abstract void Show(SessionBoard board);

    /// <summary>Shows the board again now (after a filter change, say).</summary>
    protected void ShowNow()
    {
        if (_feed is not null)
        {
            Show(_feed.Board);
        }
    }

    private void Refresh() => _ = InvokeAsync(() =>
    {
        if (_feed is null)
        {
            return;
        }
        if (_feed.State == LiveState.SignInRequired && !_signingIn)
        {
            _signingIn = true;
            Calls.SignInAgain();
        }
        Now = Time.GetUtcNow();
        FeedState = _feed.State;
        Show(_feed.Board);
        StateHasChanged();
    });

    public async ValueTask DisposeAsync()
    {
        if (_clock is not null)
        {
            await _clock.DisposeAsync();
        }
        if (_feed is not null)
        {
            _feed.Changed -= Refresh;
            await _feed.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
