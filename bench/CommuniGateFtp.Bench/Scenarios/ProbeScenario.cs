using CommuniGateFtp.Bench.Measure;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary><c>probe --server-pid PID --name after-run</c>: the server's PSS and handles now, e.g. idle after a run.</summary>
public static class ProbeScenario
{
    public static Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var probe = new ServerProbe(args.ServerPids);
        var name = args.String("name", "pss");
        args.RejectUnused();
        if (!probe.Enabled)
        {
            throw new ArgumentException("--server-pid is required");
        }
        var sample = probe.Sample();
        context.Emit(name, sample.PssKib / 1024.0, "MiB", new() { ["handles"] = sample.Handles, ["processes"] = sample.Processes });
        return Task.FromResult(true);
    }
}
