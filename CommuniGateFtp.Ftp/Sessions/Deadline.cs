namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// A timeout on the server's one clock (<see cref="TimeProvider"/>): its token is cancelled when the time runs out or
/// any of the linked tokens is. <see cref="Restart"/> moves it (the stall clock counts from the last progress). Every
/// timeout of the engine is one of these, so tests drive them with a fake clock instead of sleeping.
/// </summary>
public sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public Deadline(TimeProvider time, TimeSpan after, params ReadOnlySpan<CancellationToken> linked)
    {
        // A source made with a TimeProvider keeps using it for CancelAfter as well.
        _timer = new CancellationTokenSource(Clamp(after), time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource([.. linked, _timer.Token]);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when the time ran out (rather than a linked token being cancelled).</summary>
    public bool Expired => _timer.IsCancellationRequested;

    /// <summary>Runs out <paramref name="after"/> from now instead.</summary>
    public void Restart(TimeSpan after) => _timer.CancelAfter(Clamp(after));

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }

    // A time already past runs out at once; Timeout.InfiniteTimeSpan never does.
    private static TimeSpan Clamp(TimeSpan after) => after < TimeSpan.Zero && after != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : after;
}
