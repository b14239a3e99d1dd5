using CommuniGateFtp.Bench.Ftp;
using CommuniGateFtp.Bench.Measure;
using CommuniGateFtp.Bench.Scenarios;

namespace CommuniGateFtp.Bench;

/// <summary>
/// The command line: <c>bench SCENARIO [--option value]...</c>. Results go to <c>output</c> as JSON lines, progress
/// and failures to <c>log</c>. Exit code 0: measured and every check held; 1: a check failed or the server erred;
/// 2: bad usage.
/// </summary>
public static class BenchCommand
{
    private static readonly Dictionary<string, Func<BenchArgs, ScenarioContext, Task<bool>>> Scenarios = new(StringComparer.Ordinal)
    {
        ["retr"] = TransferScenario.RetrAsync,
        ["stor"] = TransferScenario.StorAsync,
        ["small-files"] = SmallFilesScenario.RunAsync,
        ["list"] = ListScenario.RunAsync,
        ["logins"] = LoginsScenario.RunAsync,
        ["idle"] = IdleScenario.RunAsync,
        ["soak"] = SoakScenario.RunAsync,
        ["probe"] = ProbeScenario.RunAsync,
        ["ceiling"] = CeilingScenario.RunAsync,
        ["report"] = ReportScenario.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter log, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var scenario))
        {
            await log.WriteLineAsync($"usage: bench {{{string.Join('|', Scenarios.Keys)}}} [--option value]... (see bench/README.md)");
            return 2;
        }
        BenchArgs options;
        try
        {
            options = new BenchArgs(args[1..]);
        }
        catch (ArgumentException e)
        {
            await log.WriteLineAsync(e.Message);
            return 2;
        }
        var context = new ScenarioContext(options, output, log, cancellationToken);
        try
        {
            return await scenario(options, context) ? 0 : 1;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await log.WriteLineAsync($"{args[0]}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is FtpException or IOException or System.Net.Sockets.SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            await log.WriteLineAsync($"{args[0]} on {options.Label} failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }
}
