using CommuniGateFtp.Bench;
using CommuniGateFtp.Bench.Measure;

namespace CommuniGateFtp.Tests.Bench;

/// <summary>
/// One run of the load tool's command line, in this process: the same argument parsing, JSON result lines and exit
/// codes that bench/run.sh sees, without locating and spawning a built dll.
/// </summary>
public sealed record BenchRun(int ExitCode, IReadOnlyList<ResultLine> Results, string Log)
{
    public static async Task<BenchRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var log = new StringWriter();
        var exitCode = await BenchCommand.RunAsync(args, output, log);
        var results = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('{'))
            .Select(ResultLine.Parse)
            .ToList();
        return new BenchRun(exitCode, results, log.ToString());
    }

    /// <summary>The one result line of <paramref name="scenario"/>; fails when it is missing or repeated.</summary>
    public ResultLine Single(string scenario) => Assert.Single(Results, r => r.Scenario == scenario);

    /// <summary>A detail of a result line as a number (details come back from JSON as elements).</summary>
    public static double Detail(ResultLine line, string name) => ((System.Text.Json.JsonElement)line.Details![name]).GetDouble();
}
