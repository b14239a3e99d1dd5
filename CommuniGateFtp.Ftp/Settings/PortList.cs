namespace CommuniGateFtp.Ftp.Settings;

/// <summary>A short list of TCP ports as an operator writes it: <c>50000-50004</c>, <c>2100, 2101</c>, or both mixed.</summary>
public static class PortList
{
    /// <summary>More would defeat the point (a few ports an orchestrator can expose) and make each PASV query long.</summary>
    public const int MaxPorts = 64;

    /// <summary>The ports, in order, without repeats; empty text is an empty list (the feature off).</summary>
    public static bool TryParse(string text, out IReadOnlyList<int> ports, out string? error)
    {
        var found = new SortedSet<int>();
        ports = [];
        error = null;
        foreach (var item in text.Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = item.Split('-');
            if (bounds.Length > 2 || !int.TryParse(bounds[0], out var low) || !int.TryParse(bounds[^1], out var high)
                || low is < 1 or > 65535 || high is < 1 or > 65535 || low > high)
            {
                error = $"'{item}' is not a port (1-65535) or a range of ports like 50000-50004.";
                return false;
            }
            if (high - low + 1 + found.Count > MaxPorts)
            {
                error = $"At most {MaxPorts} shared passive ports.";
                return false;
            }
            for (var port = low; port <= high; port++)
            {
                found.Add(port);
            }
        }
        ports = [.. found];
        return true;
    }
}
