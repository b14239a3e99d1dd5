using System.Runtime.CompilerServices;

namespace CommuniGateFtp.Ftp.Storage.Native;

/// <summary>
/// The <c>statx</c> of every entry of a directory read (LIST, MLSD), or of those whose type <c>readdir</c> did not give
/// (NLST). One <c>statx</c> is a dentry look-up in the kernel, some 1.5–2.5 µs here: 20,000 of them are most of a big
/// listing's time, more than pure-ftpd's whole MLSD. They are independent, so a directory of thousands of entries is
/// stat'ed in chunks by this thread and up to <see cref="MaxHelpers"/> thread-pool threads pulling chunks from one
/// counter: the listing waits for about half as long on two cores, for the same CPU. A helper that starts late takes
/// what is left, or nothing.
/// </summary>
internal static class EntryStats
{
    private const int ChunkLength = 1024;
    private const int ParallelFrom = 4 * ChunkLength; // below this a helper costs more than it saves
    private const int MaxHelpers = 3;

    /// <summary>Fills in the facts (all, or only where the type is unknown); an entry gone since readdir is marked <see cref="EntryKind.Unknown"/>.</summary>
    public static void Fill(DirectoryListing listing, int descriptor, bool all)
    {
        var work = new Work(listing, descriptor, all);
        // Names alone (NLST) stat only what readdir could not type, which few file systems leave out: no helpers.
        var helpers = !all || listing.Added < ParallelFrom ? 0 : Math.Min(MaxHelpers, Environment.ProcessorCount - 1);
        if (helpers <= 0)
        {
            work.Run();
            return;
        }
        var started = new Task[helpers];
        for (var i = 0; i < helpers; i++)
        {
            started[i] = Task.Run(work.Run);
        }
        Exception? failure = null;
        try
        {
            work.Run();
        }
        catch (Exception ex)
        {
            failure = ex;
            work.Stop();
        }
        // Every helper has finished before the listing can be disposed: they write into its pooled arrays.
        foreach (var helper in started)
        {
            try
            {
                helper.Wait(); // runs a helper not yet started on this thread (it finds nothing left to do)
            }
            catch (AggregateException ex)
            {
                failure ??= ex.InnerException;
            }
        }
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private sealed class Work(DirectoryListing listing, int descriptor, bool all)
    {
        private readonly int _count = listing.Added;
        private int _nextChunk;

        public void Stop() => Volatile.Write(ref _nextChunk, int.MaxValue / 2);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per entry, from the first listing on
        public void Run()
        {
            var buffer = new byte[256]; // struct statx, one per thread
            long start;
            while ((start = (long)(Interlocked.Increment(ref _nextChunk) - 1) * ChunkLength) < _count)
            {
                var end = (int)Math.Min(_count, start + ChunkLength);
                for (var i = (int)start; i < end; i++)
                {
                    ref var facts = ref listing.FactsOf(i);
                    if (all || facts.Kind == EntryKind.Unknown)
                    {
                        facts = LinuxDirectory.TryStat(descriptor, ref listing.NameOnDisk(i), buffer, out var found) ? found : default;
                    }
                }
            }
        }
    }
}
