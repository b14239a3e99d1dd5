namespace CommuniGateFtp.Admin.Services.Live;

/// <summary>
/// A page's follower of <c>/api/sessions/stream</c> (the page makes and disposes its own): keeps a <see cref="SessionBoard"/> up to
/// date and tells the page, at most every <see cref="RenderInterval"/>, that it changed, so a busy server with many
/// transfers ticking twice a second costs a few renders a second, not one per event.
/// </summary>
public sealed class SessionsFeed(LiveStream stream, TimeProvider time) : IAsyncDisposable
{
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private ITimer? _timer;
    private Task? _reading;
    private int _dirty;

    public SessionBoard Board { get; } = new(time);

    public LiveState State => stream.State;

    /// <summary>The board changed or the stream's state did; raised off the circuit (components use <c>InvokeAsync</c>).</summary>
    public event Action? Changed;

    public void Start()
    {
        if (_reading is not null)
        {
            return;
        }
        stream.StateChanged += OnStateChanged;
        _timer = time.CreateTimer(_ => RaiseIfChanged(), null, RenderInterval, RenderInterval);
        _reading = stream.RunAsync("/api/sessions/stream", _ => { }, OnEvent, _stop.Token);
    }

    private void OnEvent(string name, string data)
    {
        if (Board.Apply(name, data))
        {
            Interlocked.Exchange(ref _dirty, 1);
        }
    }

    private void OnStateChanged(LiveState state) => Changed?.Invoke();

    private void RaiseIfChanged()
    {
        if (Interlocked.Exchange(ref _dirty, 0) == 1)
        {
            Changed?.Invoke();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        stream.StateChanged -= OnStateChanged;
        await _stop.CancelAsync();
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }
        if (_reading is not null)
        {
            await _reading;
        }
    }
}
