namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// Runs a body for 0..count-1 with up to <c>inFlight</c> at once. Parallel.ForAsync alone would cap the work at the
/// processor count (2 here), far below the sessions a scenario asks for.
/// </summary>
public static class Concurrently
{
    public static Task ForAsync(int count, int inFlight, CancellationToken cancellationToken, Func<int, CancellationToken, ValueTask> body) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, inFlight), CancellationToken = cancellationToken }, body);
}
