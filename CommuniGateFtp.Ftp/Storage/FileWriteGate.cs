namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// One writer per file at a time on this node: every upload (STOR, APPE, STOU, REST-STOR) holds its target's gate from
/// the moment it looks at the file until its final reply. Concurrent appends to one file therefore run one after the
/// other, each whole, and the size an upload replaces cannot change under it, so usage stays exact. The gates live in
/// memory: sessions of one node share them (see docs/architecture.md for nodes sharing a storage volume).
/// </summary>
public sealed class FileWriteGate
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits up to <paramref name="patience"/> for the file's gate; the lease releases it. Null when another upload kept
    /// the file for longer (the caller answers <c>450</c>: the file is busy).
    /// </summary>
    public async Task<FileWriteLease?> EnterAsync(StorageLocation file, TimeSpan patience, CancellationToken cancellationToken)
    {
        var fullPath = file.GateKey;
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(fullPath, out gate!))
            {
                _gates[fullPath] = gate = new Gate();
            }
            gate.Users++;
        }
        try
        {
            if (await gate.Semaphore.WaitAsync(patience, cancellationToken))
            {
                return new FileWriteLease(() => Leave(fullPath, gate, entered: true));
            }
        }
        catch (OperationCanceledException)
        {
            Leave(fullPath, gate, entered: false);
            throw;
        }
        Leave(fullPath, gate, entered: false);
        return null;
    }

    private void Leave(string fullPath, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(fullPath);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
