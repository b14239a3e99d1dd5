using System.Globalization;

namespace CommuniGateFtp.Bench.Measure;

/// <summary>
/// The server's footprint from /proc: PSS (proportional set size, so shared pages are not counted twice across a
/// forking server's processes) and open file descriptors, summed over the given processes and all their descendants.
/// </summary>
public sealed class ServerProbe(IReadOnlyList<int> roots)
{
    public bool Enabled => roots.Count > 0;

    /// <summary>One sample: PSS in KiB, open handles, and how many processes make up the server now.</summary>
    public ProbeSample Sample()
    {
        long pssKib = 0, handles = 0;
        var processes = 0;
        foreach (var pid in Processes())
        {
            try
            {
                pssKib += PssKib(pid);
                handles += Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;
                processes++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A session process that ended between listing and reading: it no longer belongs to the server.
            }
        }
        return new ProbeSample(DateTimeOffset.UtcNow, pssKib, handles, processes);
    }

    private HashSet<int> Processes()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }
        var found = new HashSet<int>(roots.Where(parents.ContainsKey));
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                grew |= found.Contains(parent) && found.Add(pid);
            }
        }
        return found;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long PssKib(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
        {
            if (line.StartsWith("Pss:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}

/// <summary>The server's footprint at one moment.</summary>
public readonly record struct ProbeSample(DateTimeOffset At, long PssKib, long Handles, int Processes);
