using CommuniGateFtp.Bench.Ftp;
using CommuniGateFtp.Bench.Measure;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// <c>idle --sessions 1000 --server-pid PID</c>: opens that many logged-in sessions and holds them idle. With the
/// server's PIDs it measures the server's PSS (all its processes) before and after and prints KiB per session;
/// without, it only holds the sessions for <c>--hold-seconds</c> so that someone else can measure.
/// </summary>
public static class IdleScenario
{
    public static async Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var server = args.Server();
        var sessions = args.Int("sessions", 1000);
        var inFlight = args.Int("in-flight", 64);
        var hold = TimeSpan.FromSeconds(args.Double("hold-seconds", 3));
        var probe = new ServerProbe(args.ServerPids);
        args.RejectUnused();
        var before = probe.Enabled ? probe.Sample() : default;
        var clients = new FtpClient?[sessions];
        try
        {
            await Concurrently.ForAsync(sessions, inFlight, context.Cancellation, async (i, ct) => clients[i] = await FtpClient.LoginAsync(server, ct));
            context.Log($"{sessions} sessions logged in, holding them {hold.TotalSeconds} s");
            // The settle time lets a server finish its per-login work (GC, forked helpers) before the sample.
            await Task.Delay(hold, context.Cancellation);
            if (!probe.Enabled)
            {
                context.Emit("idle-sessions", sessions, "sessions");
                return true;
            }
            var after = probe.Sample();
            context.Emit($"idle-x{sessions}", (after.PssKib - before.PssKib) / (double)sessions, "KiB/session", new()
            {
                ["sessions"] = sessions,
                ["pssBeforeKib"] = before.PssKib,
                ["pssAfterKib"] = after.PssKib,
                ["processesBefore"] = before.Processes,
                ["processesAfter"] = after.Processes,
                ["handlesAfter"] = after.Handles,
            });
            return true;
        }
        finally
        {
            await Concurrently.ForAsync(sessions, inFlight, CancellationToken.None, async (i, ct) =>
            {
                if (clients[i] is { } client)
                {
                    await client.QuitAsync(ct);
                }
            });
        }
    }
}
