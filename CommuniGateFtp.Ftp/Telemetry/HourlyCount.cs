namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>
/// How many times something happened in the last hour, in one-minute buckets (so the count is exact to the minute and
/// the memory is 60 numbers whatever the rate).
/// </summary>
public sealed class HourlyCount(TimeProvider time)
{
    private const int Minutes = 60;

    private readonly long[] _minute = new long[Minutes];
    private readonly int[] _count = new int[Minutes];
    private readonly Lock _gate = new();

    public void Add()
    {
        var minute = CurrentMinute();
        lock (_gate)
        {
            var slot = (int)(minute % Minutes);
            if (_minute[slot] != minute)
            {
                (_minute[slot], _count[slot]) = (minute, 0);
            }
            _count[slot]++;
        }
    }

    /// <summary>The events of the last 60 minutes, the current one included.</summary>
    public int LastHour()
    {
        var now = CurrentMinute();
        lock (_gate)
        {
            var total = 0;
            for (var slot = 0; slot < Minutes; slot++)
            {
                if (now - _minute[slot] < Minutes)
                {
                    total += _count[slot];
                }
            }
            return total;
        }
    }

    private long CurrentMinute() => time.GetUtcNow().ToUnixTimeSeconds() / 60;
}
