namespace CommuniGateFtp.Ftp.Storage;

/// <summary>A held <see cref="FileWriteGate"/>: disposing it (once or more) lets the next writer of the file in.</summary>
public sealed class FileWriteLease(Action release) : IDisposable
{
    private Action? _release = release;

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
