using System.Net;

namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>
/// Failures waiting to be counted, per address: while one write for an address runs, later failures gather and go in
/// the next write together. Each caller's task ends when the write that includes its failure has ended.
/// </summary>
internal sealed class FailureQueue
{
    private sealed class Batch
    {
        public int Failures;
        public string Reason = "";
        public readonly TaskCompletionSource Written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Dictionary<IPAddress, Batch> _waiting = [];
    private readonly HashSet<IPAddress> _writing = [];
    private readonly Lock _gate = new();

    /// <summary>Queues one failure; <paramref name="write"/> (address, failures, last reason) must not throw.</summary>
    public Task Add(IPAddress address, string reason, Func<IPAddress, int, string, Task> write)
    {
        lock (_gate)
        {
            if (!_waiting.TryGetValue(address, out var batch))
            {
                _waiting[address] = batch = new Batch();
            }
            batch.Failures++;
            batch.Reason = reason;
            if (_writing.Add(address))
            {
                _ = Task.Run(() => WriteAllAsync(address, write));
            }
            return batch.Written.Task;
        }
    }

    private async Task WriteAllAsync(IPAddress address, Func<IPAddress, int, string, Task> write)
    {
        while (true)
        {
            Batch? batch;
            lock (_gate)
            {
                if (!_waiting.Remove(address, out batch))
                {
                    _writing.Remove(address);
                    return;
                }
            }
            try
            {
                await write(address, batch.Failures, batch.Reason);
            }
            finally
            {
                batch.Written.TrySetResult();
            }
        }
    }
}
