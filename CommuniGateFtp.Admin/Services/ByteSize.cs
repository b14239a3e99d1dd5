using System.Globalization;

namespace CommuniGateFtp.Admin.Services;

/// <summary>Sizes for people: binary units (KiB = 1024 bytes), one decimal at most, the same everywhere in the WebAdmin.</summary>
public static class ByteSize
{
    private static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary><c>0 B</c>, <c>1023 B</c>, <c>1 KiB</c>, <c>1.5 MiB</c>, <c>1 GiB</c>.</summary>
    public static string Format(long bytes)
    {
        if (bytes < 0)
        {
            return "-" + Format(bytes == long.MinValue ? long.MaxValue : -bytes);
        }
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        // 1023.96 would round to "1024 KiB": show it as the next unit instead.
        if (Math.Round(value, 1) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString("0.#", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>A storage size limit as the API gives it (a number of bytes, <c>unlimited</c>, <c>default</c>), for people.</summary>
    public static string FormatLimit(string limit) =>
        long.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? Format(bytes) : limit;

    /// <summary>How full, 0–100, or null when the limit is not a number (unlimited).</summary>
    public static double? PercentUsed(long used, string effectiveLimit) =>
        long.TryParse(effectiveLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? Math.Min(100, used * 100.0 / limit)
            : null;
}
