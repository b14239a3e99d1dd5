using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>
/// Bytes moved in the recent past, for the dashboard: the node's throughput in <see cref="Step"/>s over the last
/// <see cref="Window"/> (the Overview's chart, drawn at once instead of from the moment the page opened), and each
/// account's bytes by minute over the last hour (top accounts by traffic). Fed by the transfer progress tick with the
/// bytes since its previous tick, so a long download counts while it runs, not only when it ends. Memory is fixed:
/// 120 steps, and 60 minutes for each account that moved bytes in the last hour.
/// </summary>
public sealed class TrafficHistory(TimeProvider time)
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const int AccountMinutes = 60;

    private static readonly int Steps = (int)(Window / Step);

    private readonly Buckets _node = new(Steps);
    private readonly Dictionary<string, Buckets> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private long _prunedMinute;

    /// <summary>Counts <paramref name="bytes"/> moved now for <paramref name="account"/> (null before login: the node only).</summary>
    public void Add(string? account, TransferDirection direction, long bytes)
    {
        if (bytes <= 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var (step, minute) = (StepOf(now), MinuteOf(now));
        lock (_gate)
        {
            _node.Add(step, direction, bytes);
            if (account is null)
            {
                return;
            }
            if (!_accounts.TryGetValue(account, out var buckets))
            {
                _accounts[account] = buckets = new Buckets(AccountMinutes);
            }
            buckets.Add(minute, direction, bytes);
            if (minute != _prunedMinute)
            {
                _prunedMinute = minute;
                Prune(minute);
            }
        }
    }

    /// <summary>The last <see cref="Window"/> in finished steps, oldest first, steps without traffic as zero.</summary>
    public IReadOnlyList<ThroughputStep> Throughput()
    {
        var current = StepOf(time.GetUtcNow());
        var seconds = Step.TotalSeconds;
        lock (_gate)
        {
            return [.. Enumerable.Range(0, Steps).Select(i => current - Steps + i).Select(step =>
            {
                var (bytesIn, bytesOut) = _node.Get(step);
                return new ThroughputStep(DateTimeOffset.FromUnixTimeMilliseconds(step * (long)Step.TotalMilliseconds), bytesIn / seconds, bytesOut / seconds);
            })];
        }
    }

    /// <summary>The <paramref name="count"/> accounts that moved the most bytes in the last <paramref name="minutes"/> (the current one included).</summary>
    public IReadOnlyList<AccountTraffic> TopAccounts(int minutes, int count)
    {
        var now = MinuteOf(time.GetUtcNow());
        minutes = Math.Clamp(minutes, 1, AccountMinutes);
        lock (_gate)
        {
            return [.. _accounts
                .Select(a => (Account: a.Key, Totals: a.Value.Sum(now - minutes + 1, now)))
                .Where(a => a.Totals.In + a.Totals.Out > 0)
                .OrderByDescending(a => a.Totals.In + a.Totals.Out).ThenBy(a => a.Account, StringComparer.OrdinalIgnoreCase)
                .Take(count)
                .Select(a => new AccountTraffic(a.Account, a.Totals.In, a.Totals.Out))];
        }
    }

    private void Prune(long minute)
    {
        foreach (var (account, buckets) in _accounts)
        {
            if (buckets.Newest <= minute - AccountMinutes)
            {
                _accounts.Remove(account);
            }
        }
    }

    private static long StepOf(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / (long)Step.TotalMilliseconds;

    private static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    /// <summary>A ring of byte counts by period number (step or minute); a slot is reused when its period comes round again.</summary>
    private sealed class Buckets(int size)
    {
        private readonly long[] _period = new long[size];
        private readonly long[] _in = new long[size];
        private readonly long[] _out = new long[size];

        public long Newest { get; private set; }

        public void Add(long period, TransferDirection direction, long bytes)
        {
            var slot = (int)(period % size);
            if (_period[slot] != period)
            {
                (_period[slot], _in[slot], _out[slot]) = (period, 0, 0);
            }
            (direction == TransferDirection.Receive ? _in : _out)[slot] += bytes;
            Newest = Math.Max(Newest, period);
        }

        public (long In, long Out) Get(long period)
        {
            var slot = (int)(period % size);
            return _period[slot] == period ? (_in[slot], _out[slot]) : (0, 0);
        }

        public (long In, long Out) Sum(long first, long last)
        {
            var (bytesIn, bytesOut) = (0L, 0L);
            for (var period = first; period <= last; period++)
            {
                var (i, o) = Get(period);
                (bytesIn, bytesOut) = (bytesIn + i, bytesOut + o);
            }
            return (bytesIn, bytesOut);
        }
    }
}
