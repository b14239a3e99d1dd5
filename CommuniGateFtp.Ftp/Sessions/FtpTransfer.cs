namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// A running transfer with live counters (the registry and dashboard read them) and the means to abort it (ABOR).
/// </summary>
public sealed class FtpTransfer(string command, string path, TransferDirection direction, TimeProvider clock) : IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytes;

    public string Command { get; } = command;

    public string Path { get; } = path;

    public TransferDirection Direction { get; } = direction;

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    /// <summary>The server's clock, for the transfer's stall timeout.</summary>
    public TimeProvider Clock { get; } = clock;

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool AbortRequested => _abort.IsCancellationRequested;

    public CancellationToken AbortToken => _abort.Token;

    /// <summary>Completes when the transfer has sent its final reply.</summary>
    public Task Completion => _completed.Task;

    public void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);

    /// <summary>Bytes per second since the start.</summary>
    public double Rate(DateTimeOffset now) => Bytes / Math.Max((now - StartedAt).TotalSeconds, 0.001);

    public void Abort() => _abort.Cancel();

    internal void MarkCompleted() => _completed.TrySetResult();

    public void Dispose() => _abort.Dispose();
}
