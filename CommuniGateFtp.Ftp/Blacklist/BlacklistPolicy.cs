using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Blacklist;

/// <summary>
/// The temporary blacklist's arithmetic, pure so that every store (memory, PostgreSQL) applies the same rules:
/// <see cref="Threshold"/> failures within <see cref="Window"/> block an address for <see cref="BlockTime"/>, doubled for
/// each earlier offence up to <see cref="MaxBlockTime"/>.
/// </summary>
public sealed record BlacklistPolicy(int Threshold, TimeSpan Window, TimeSpan BlockTime, TimeSpan MaxBlockTime)
{
    /// <summary>
    /// An address with no failure and no block for this long is forgotten, its offences with it: a repeat offender is
    /// one that comes back within a day.
    /// </summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    public static BlacklistPolicy From(FtpServerSettings settings) =>
        new(settings.TempBlacklistFailures, settings.TempBlacklistWindow, settings.TempBlacklistTime, settings.TempBlacklistMaxTime);

    /// <summary>A threshold of 0 switches temporary blacklisting off.</summary>
    public bool IsOff => Threshold <= 0;

    /// <summary>How long the <paramref name="offence"/>-th block (1 = first) lasts: doubling, capped.</summary>
    public TimeSpan BlockTimeFor(int offence)
    {
        var time = BlockTime;
        for (var i = 1; i < offence && time < MaxBlockTime; i++)
        {
            time += time;
        }
        return time < MaxBlockTime ? time : MaxBlockTime;
    }

    /// <summary>The state after <paramref name="failures"/> more failures at <paramref name="now"/>; blocks when the threshold is reached.</summary>
    public BlacklistState Count(BlacklistState state, int failures, DateTimeOffset now)
    {
        var blocked = state.IsBlockedAt(now);
        // A window that has passed starts again, and so does one whose failures already led to a block that is over.
        var fresh = now - state.WindowStartedAt >= Window || (!blocked && state.BlockedSince >= state.WindowStartedAt);
        var counted = state with
        {
            Failures = (fresh ? 0 : state.Failures) + failures,
            WindowStartedAt = fresh ? now : state.WindowStartedAt,
            LastFailureAt = now,
        };
        if (blocked || IsOff || counted.Failures < Threshold)
        {
            return counted;
        }
        var offences = state.Offences + 1;
        return counted with { BlockedSince = now, BlockedUntil = now + BlockTimeFor(offences), Offences = offences };
    }
}
