using System.Globalization;
using CommuniGateFtp.Bench.Measure;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// <c>report --in results.jsonl --servers vsftpd,pure-ftpd,ours --ours ours</c>: the median of every scenario per
/// server as a markdown table, with ours ÷ the best peer oriented so that above 1 means ours is better, and that ratio
/// taken within each round (its median and range); the machine's ceilings (server label <c>machine</c>) in a table of
/// their own.
/// </summary>
public static class ReportScenario
{
    // Units where less is better; every other unit is a rate.
    private static readonly HashSet<string> LowerIsBetter = ["s", "KiB/session", "MiB", "%", "handles", "errors"];

    public static async Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var inputs = args.All("in");
        var servers = args.All("servers");
        var ours = args.String("ours", "ours");
        var output = args.String("out", "");
        args.RejectUnused();
        var lines = new List<ResultLine>();
        foreach (var input in inputs)
        {
            foreach (var text in await File.ReadAllLinesAsync(input, context.Cancellation))
            {
                if (text.StartsWith('{'))
                {
                    lines.Add(ResultLine.Parse(text));
                }
            }
        }
        var markdown = Render(lines, servers.Count > 0 ? servers : [.. lines.Select(l => l.Server).Where(s => s != "machine").Distinct()], ours);
        if (output.Length > 0)
        {
            await File.WriteAllTextAsync(output, markdown, context.Cancellation);
        }
        context.Write(markdown);
        return true;
    }

    public static string Render(IReadOnlyList<ResultLine> lines, IReadOnlyList<string> servers, string ours)
    {
        var table = new System.Text.StringBuilder();
        var peers = servers.Where(s => s != ours).ToList();
        table.AppendLine($"| scenario | unit | {string.Join(" | ", servers)} | {ours} ÷ best peer (> 1: {ours} better) | round by round: median (lowest–highest) | rounds |");
        table.AppendLine($"|---|---|{string.Concat(servers.Select(_ => "---:|"))}---:|---:|---:|");
        foreach (var scenario in lines.Where(l => l.Server != "machine").Select(l => l.Scenario).Distinct())
        {
            var rows = lines.Where(l => l.Scenario == scenario).ToList();
            var unit = rows[0].Unit;
            var medians = servers.ToDictionary(s => s, s => Median(rows.Where(r => r.Server == s && r.Value is not null).Select(r => r.Value!.Value)));
            var lower = LowerIsBetter.Contains(unit);
            var peerValues = peers.Select(p => medians[p]).OfType<double>().ToList();
            var best = peerValues.Count == 0 ? (double?)null : lower ? peerValues.Min() : peerValues.Max();
            var ratio = medians[ours] is { } mine && best is { } b && mine > 0 && b > 0 ? (lower ? b / mine : mine / b) : (double?)null;
            var rounds = rows.GroupBy(r => r.Server).Max(g => g.Count());
            table.AppendLine($"| {scenario} | {unit} | {string.Join(" | ", servers.Select(s => Format(medians[s])))} | {Format(ratio)} | {RoundByRound(rows, servers, ours, lower)} | {rounds} |");
        }
        var machine = lines.Where(l => l.Server == "machine").GroupBy(l => l.Scenario).ToList();
        if (machine.Count > 0)
        {
            table.AppendLine().AppendLine("| machine ceiling (same run) | unit | median | rounds |").AppendLine("|---|---|---:|---:|");
            foreach (var group in machine)
            {
                table.AppendLine($"| {group.Key} | {group.First().Unit} | {Format(Median(group.Select(l => l.Value ?? 0)))} | {group.Count()} |");
            }
        }
        return table.ToString();
    }

    // Ours ÷ the best peer within each round, where the servers ran minutes apart at most: this machine's throughput drifts
    // by a third between rounds, and a ratio of neighbours cancels most of that drift. Only when every server has a
    // line in every round (the n-th line of a server is its n-th round); "–" otherwise, and for a single round. A server
    // without the operation (null, e.g. MLSD on vsftpd) is left out of its round's peers.
    private static string RoundByRound(List<ResultLine> rows, IReadOnlyList<string> servers, string ours, bool lower)
    {
        var perServer = servers.Select(s => rows.Where(r => r.Server == s).Select(r => r.Value).ToList()).ToList();
        var count = perServer[0].Count;
        if (count < 2 || perServer.Any(v => v.Count != count))
        {
            return "–";
        }
        var mine = servers.ToList().IndexOf(ours);
        var ratios = new List<double>();
        for (var round = 0; round < count; round++)
        {
            var peerValues = perServer.Where((_, i) => i != mine).Select(v => v[round]).OfType<double>().Where(v => v > 0).ToList();
            if (perServer[mine][round] is not { } value || value <= 0 || peerValues.Count == 0)
            {
                return "–";
            }
            var best = lower ? peerValues.Min() : peerValues.Max();
            ratios.Add(lower ? best / value : value / best);
        }
        return $"{Format(Median(ratios))} ({Format(ratios.Min())}–{Format(ratios.Max())})";
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Format(double? value) => value switch
    {
        null => "–",
        >= 100 => value.Value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
