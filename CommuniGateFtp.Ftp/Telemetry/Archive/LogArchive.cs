using System.Globalization;
using System.Text.RegularExpressions;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Telemetry.Archive;

/// <summary>
/// Where the FTP log's past lives. As CommuniGate Pro's System Log keeps one file a day, each node writes
/// <c>&lt;root&gt;/&lt;node&gt;/yyyy-MM-dd.log</c>: UTC days (the records' times are UTC), one record a line in CGP's
/// format. Each node writes only its own folder, so nodes sharing a volume never write one file; any node can read them all.
/// </summary>
public sealed partial class LogArchive(string root, string node)
{
    private const string DayFormat = "yyyy-MM-dd";
    private const string Extension = ".log";

    public static LogArchive From(FtpOptions options) => new(Path.GetFullPath(options.LogFolder), options.Node);

    /// <summary>The folder of every node's folder.</summary>
    public string Root { get; } = root;

    /// <summary>This node: the folder it writes.</summary>
    public string Node { get; } = node;

    public string NodeFolder => Path.Combine(Root, Node);

    /// <summary>The file of <paramref name="node"/>'s <paramref name="day"/>; the node must be a node name (never a path).</summary>
    public string PathOf(string node, DateOnly day) => IsNodeName(node)
        ? Path.Combine(Root, node, day.ToString(DayFormat, CultureInfo.InvariantCulture) + Extension)
        : throw new ArgumentException($"'{node}' is not a node name.", nameof(node));

    public static bool IsNodeName(string node) => NodeName().IsMatch(node);

    /// <summary>The day a file name stands for: <c>yyyy-MM-dd.log</c> exactly.</summary>
    public static bool TryParseFileName(string name, out DateOnly day)
    {
        day = default;
        return name.Length == DayFormat.Length + Extension.Length && name.EndsWith(Extension, StringComparison.Ordinal)
            && DateOnly.TryParseExact(name.AsSpan(0, DayFormat.Length), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    /// <summary>Every node's daily files, newest day first, this node's first within a day; none when the folder is missing.</summary>
    public IReadOnlyList<LogDay> Days()
    {
        var root = new DirectoryInfo(Root);
        if (!root.Exists)
        {
            return [];
        }
        var days = new List<LogDay>();
        foreach (var folder in root.EnumerateDirectories().Where(d => IsNodeName(d.Name)))
        {
            foreach (var file in folder.EnumerateFiles("*" + Extension))
            {
                if (TryParseFileName(file.Name, out var day))
                {
                    days.Add(new LogDay(folder.Name, day, file.Length));
                }
            }
        }
        return [.. days.OrderByDescending(d => d.Date).ThenBy(d => d.Node != Node).ThenBy(d => d.Node, StringComparer.Ordinal)];
    }

    [GeneratedRegex(FtpOptions.NodeNamePattern)]
    private static partial Regex NodeName();
}
