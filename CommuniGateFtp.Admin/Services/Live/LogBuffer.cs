namespace CommuniGateFtp.Admin.Services.Live;

/// <summary>
/// The Log page's records: the newest <see cref="Capacity"/> lines and the filtered view of them, kept up to date as
/// lines arrive (a filter change rebuilds the view once) so 100,000 records cost one pass, not one per render.
/// </summary>
public sealed class LogBuffer
{
    public const int Capacity = 100_000;

    private readonly List<string> _all = [];
    private List<string> _view = [];
    private string? _resumeAfter;

    /// <summary>Show records of this level and below (CommuniGate Pro: 1 Failures … 5 All Info).</summary>
    public int MaxLevel { get; private set; } = 5;

    public string Search { get; private set; } = "";

    public int Total => _all.Count;

    public IReadOnlyList<string> View => _view;

    public void SetFilter(int maxLevel, string? search)
    {
        (MaxLevel, Search) = (maxLevel, search?.Trim() ?? "");
        _view = [.. _all.Where(Matches)];
    }

    /// <summary>
    /// After a reconnection the stream replays its recent records first: skip those up to the last one already here
    /// (compared by their time stamp <c>HH:mm:ss.fff</c>; a restarted service has only newer ones).
    /// </summary>
    public void Resume() => _resumeAfter = _all.Count > 0 ? _all[^1] : null;

    public void Add(string line)
    {
        if (_resumeAfter is not null)
        {
            if (string.CompareOrdinal(Stamp(line), Stamp(_resumeAfter)) <= 0)
            {
                return;
            }
            _resumeAfter = null;
        }
        _all.Add(line);
        if (Matches(line))
        {
            _view.Add(line);
        }
        if (_all.Count > Capacity + Capacity / 10)
        {
            // Trim in chunks: removing from the front of a list is a copy, so not once per line.
            _all.RemoveRange(0, _all.Count - Capacity);
            _view = [.. _all.Where(Matches)];
        }
    }

    public void Clear()
    {
        _all.Clear();
        _view.Clear();
    }

    /// <summary>The record's level digit (<c>HH:mm:ss.fff L FTP-…</c>), 0 when it has none.</summary>
    public static int LevelOf(string line) => line.Length > 13 && char.IsAsciiDigit(line[13]) && line[12] == ' ' ? line[13] - '0' : 0;

    private bool Matches(string line) =>
        LevelOf(line) <= MaxLevel && (Search.Length == 0 || line.Contains(Search, StringComparison.OrdinalIgnoreCase));

    private static string Stamp(string line) => line.Length >= 12 ? line[..12] : line;
}
