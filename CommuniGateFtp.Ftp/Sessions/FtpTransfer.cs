namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// A running transfer with live counters (the registry and dashboard read them) and the means to abort it (ABOR).
/// </summary>
/// <param name="size">The bytes it will move when known (RETR: the file less the REST offset; an upload after ALLO).</param>
/// <param name="protection">The data connection's protection level (PROT; the metrics' protection tag).</param>
public sealed class FtpTransfer(string command, string path, TransferDirection direction, TimeProvider clock, long? size = null,
    Security.DataProtectionLevel protection = Security.DataProtectionLevel.Clear)
    : IDisposable
{
    // The rate shown is over the last few progress samples (about two seconds), not since the start, so a stalled or
    // throttled transfer shows what it does now.
    private const int RateSamples = 5;

    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly (DateTimeOffset At, long Bytes)[] _samples = new (DateTimeOffset, long)[RateSamples];
    private readonly Lock _sampling = new();
    private int _sampleCount;
    private long _bytes;
    private long _counted;

    public string Command { get; } = command;

    public string Path { get; } = path;

    public TransferDirection Direction { get; } = direction;

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    /// <summary>The server's clock, for the transfer's stall timeout.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>How many bytes this transfer will move, when known.</summary>
    public long? Size { get; } = size;

    public Security.DataProtectionLevel Protection { get; } = protection;

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool AbortRequested => _abort.IsCancellationRequested;

    public CancellationToken AbortToken => _abort.Token;

    /// <summary>Completes when the transfer has sent its final reply.</summary>
    public Task Completion => _completed.Task;

    public void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);

    /// <summary>Bytes per second over the recent samples (since the start until there are two).</summary>
    public double Rate(DateTimeOffset now)
    {
        lock (_sampling)
        {
            if (_sampleCount >= 2)
            {
                var (oldest, newest) = (_samples[(_sampleCount - Math.Min(_sampleCount, RateSamples)) % RateSamples], _samples[(_sampleCount - 1) % RateSamples]);
                var seconds = (newest.At - oldest.At).TotalSeconds;
                if (seconds > 0)
                {
                    return (newest.Bytes - oldest.Bytes) / seconds;
                }
            }
        }
        return Bytes / Math.Max((now - StartedAt).TotalSeconds, 0.001);
    }

    /// <summary>Seconds left at the recent rate, when the size is known and bytes are moving.</summary>
    public double? SecondsLeft(DateTimeOffset now) =>
        Size is { } size && Rate(now) is var rate and > 0 ? Math.Max(size - Bytes, 0) / rate : null;

    /// <summary>Records the counter now (the progress tick calls it), for <see cref="Rate"/>.</summary>
    public void Sample(DateTimeOffset now)
    {
        lock (_sampling)
        {
            _samples[_sampleCount % RateSamples] = (now, Bytes);
            _sampleCount++;
        }
    }

    /// <summary>
    /// The bytes moved since the last call, each byte handed out once although the progress tick and the transfer's
    /// end may ask at the same moment (the metrics' counters take no negative steps).
    /// </summary>
    public long TakeUncounted()
    {
        while (true)
        {
            var counted = Interlocked.Read(ref _counted);
            var bytes = Bytes;
            if (bytes <= counted)
            {
                return 0;
            }
            if (Interlocked.CompareExchange(ref _counted, bytes, counted) == counted)
            {
                return bytes - counted;
            }
        }
    }

    public void Abort() => Hosting.SocketEventThread.Cancel(_abort);

    internal void MarkCompleted() => _completed.TrySetResult();

    public void Dispose() => _abort.Dispose();
}
