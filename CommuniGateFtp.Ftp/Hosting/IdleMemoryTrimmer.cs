using System.Runtime;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>
/// Gives memory back once a burst of work is over. The GC collects when allocations ask it to, so a process that falls
/// quiet after a load (a benchmark, a reconnect storm, 10,000 sessions that left) keeps the heap that load grew, dead
/// sessions and all, for as long as it stays quiet. Every <see cref="Period"/> this looks at how much was allocated:
/// after at least <see cref="Burst"/> since the last trim, some of it in a busy period, a period with less than
/// <see cref="Quiet"/> empties the pools of burst buffers (<see cref="TrimmableArrayPool{T}"/>) and the directory names
/// not listed for a while (<see cref="Storage.DirectoryNamesCache"/>), runs one full
/// compacting collection that decommits what it frees, and trims the C heap (<see cref="NativeHeap"/>). Never while
/// busy, and once per burst, so an idle server is not collected over and over.
/// </summary>
public sealed class IdleMemoryTrimmer(TimeProvider time, ILogger<IdleMemoryTrimmer> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    /// <summary>Allocations since the last trim that make a trim worth its pause.</summary>
    public const long Burst = 16L << 20;

    /// <summary>Allocations in one period below which the server counts as quiet.</summary>
    public const long Quiet = 4L << 20;

    private long? _lastSeen;
    private long _lastTrim;
    private bool _busySinceTrim;

    /// <summary>
    /// Told the process's total allocated bytes once a period; true when now is the time to trim. The first call sets
    /// the starting point, and what the process allocated until then counts as a burst.
    /// </summary>
    public bool ShouldTrim(long totalAllocated)
    {
        if (_lastSeen is null)
        {
            // The start-up (the EF model, the migrations, the hosting) was the first burst: trimmed once quiet, as others.
            (_lastSeen, _lastTrim, _busySinceTrim) = (totalAllocated, 0, true);
            return false;
        }
        var sinceLastPeriod = totalAllocated - _lastSeen.Value;
        _lastSeen = totalAllocated;
        if (sinceLastPeriod >= Quiet)
        {
            _busySinceTrim = true;
            return false;
        }
        // A slow trickle of quiet periods (an idle server's timers) adds up too, but is no burst: it is not collected.
        if (!_busySinceTrim || totalAllocated - _lastTrim < Burst)
        {
            return false;
        }
        (_lastTrim, _busySinceTrim) = (totalAllocated, false);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        ShouldTrim(GC.GetTotalAllocatedBytes());
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (ShouldTrim(GC.GetTotalAllocatedBytes()))
                {
                    Trim();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Trim()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        PoolTrimming.TrimAll();
        Storage.DirectoryNamesCache.Shared.DropUnused(Storage.DirectoryNamesCache.KeptUnused);
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        logger.LogDebug("Quiet after a burst: the heap's committed memory went from {Before} to {After} bytes", before,
            GC.GetGCMemoryInfo().TotalCommittedBytes);
    }
}
