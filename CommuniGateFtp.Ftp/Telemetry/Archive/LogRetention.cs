namespace CommuniGateFtp.Ftp.Telemetry.Archive;

/// <summary>The live setting <c>logRetentionDays</c> applied to one node's folder: today's file and the days before it are kept.</summary>
internal static class LogRetention
{
    /// <summary>
    /// Deletes the daily files of days before the newest <paramref name="days"/> (counting <paramref name="today"/>);
    /// 0 keeps every file. Returns the days deleted; files whose names are not days are left alone.
    /// </summary>
    public static IReadOnlyList<DateOnly> Apply(string folder, DateOnly today, int days)
    {
        if (days <= 0 || !Directory.Exists(folder))
        {
            return [];
        }
        var oldestKept = today.AddDays(1 - days);
        var deleted = new List<DateOnly>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.log"))
        {
            if (LogArchive.TryParseFileName(file.Name, out var day) && day < oldestKept)
            {
                file.Delete();
                deleted.Add(day);
            }
        }
        deleted.Sort();
        return deleted;
    }
}
