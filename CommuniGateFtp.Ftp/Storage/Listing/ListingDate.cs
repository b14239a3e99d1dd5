using System.Runtime.CompilerServices;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>
/// The date pieces of listing lines, in the invariant (English) forms, from a UTC time without a format string. Optimised
/// at once, as <see cref="LineBuilder"/> is.
/// </summary>
internal static class ListingDate
{
    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    /// <summary><c>Mmm dd HH:mm</c> (<paramref name="withYear"/> false) or <c>Mmm dd  yyyy</c> (LST-LS).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendLs(ref LineBuilder line, DateTime utc, bool withYear)
    {
        var (year, month, day) = utc;
        line.Append(Months.Slice((month - 1) * 3, 3));
        line.Append((byte)' ');
        line.Append(day, 2, zeroPadded: true);
        if (withYear)
        {
            line.Append("  "u8);
            line.Append(year, 4, zeroPadded: true);
        }
        else
        {
            line.Append((byte)' ');
            AppendTime(ref line, utc, seconds: false);
        }
    }

    /// <summary><c>yyyyMMddHHmmss</c> (RFC 3659 2.3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendMlsx(ref LineBuilder line, DateTime utc)
    {
        var (year, month, day) = utc;
        line.Append(year, 4, zeroPadded: true);
        line.Append(month, 2, zeroPadded: true);
        line.Append(day, 2, zeroPadded: true);
        AppendTime(ref line, utc, seconds: true);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendTime(ref LineBuilder line, DateTime utc, bool seconds)
    {
        var time = utc.TimeOfDay;
        line.Append(time.Hours, 2, zeroPadded: true);
        if (!seconds)
        {
            line.Append((byte)':');
        }
        line.Append(time.Minutes, 2, zeroPadded: true);
        if (seconds)
        {
            line.Append(time.Seconds, 2, zeroPadded: true);
        }
    }
}
