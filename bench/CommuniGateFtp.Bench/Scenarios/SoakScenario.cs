using System.Diagnostics;
using CommuniGateFtp.Bench.Measure;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// <c>soak --sessions 1000 --minutes 10 --server-pid PID</c>: every session runs a <see cref="SoakWorker"/> until the
/// time is up, while the server's PSS and open handles are sampled every <c>--sample-seconds</c>. Passes only with
/// zero errors and, from <c>--warmup-seconds</c> after the last session logged in, growth within
/// <c>--max-pss-growth-percent</c> (median of the last third of the samples against the first third), and with no
/// more than <c>--max-handles-left</c> handles open after every session quit than before the first.
/// </summary>
public static class SoakScenario
{
    public static async Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var server = args.Server();
        var sessions = args.Int("sessions", 1000);
        var duration = TimeSpan.FromSeconds(args.Double("seconds", args.Double("minutes", 10) * 60));
        var seed = args.Int("seed", 17);
        var sampleEvery = TimeSpan.FromSeconds(args.Double("sample-seconds", 60));
        var warmup = TimeSpan.FromSeconds(args.Double("warmup-seconds", Math.Min(120, duration.TotalSeconds / 5)));
        var maxPssGrowth = args.Double("max-pss-growth-percent", 10);
        // Handles left open once every session has quit, above the count before the first: a leak stays, while data
        // connections in flight make the count under load swing by hundreds. Allowance: the database pool (Npgsql
        // keeps up to 100 connections until they have been idle for 5 minutes) and a few more.
        var maxHandlesLeft = args.Double("max-handles-left", 128);
        var pause = TimeSpan.FromMilliseconds(args.Int("pause-ms", 100));
        var maxFileBytes = args.Int("max-file-kib", 256) * 1024;
        var opTimeout = TimeSpan.FromSeconds(args.Double("op-timeout-seconds", 120));
        // Logins in flight during the ramp: a thousand at once would queue behind the password KDF past the login timeout.
        using var logins = new SemaphoreSlim(args.Int("login-in-flight", 64));
        var probe = new ServerProbe(args.ServerPids);
        args.RejectUnused();

        var counters = new SoakCounters();
        var watch = Stopwatch.StartNew();
        var until = DateTimeOffset.UtcNow + duration;
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        var samples = new List<(double Seconds, ProbeSample Sample)>();
        var sampler = probe.Enabled ? SampleAsync(probe, sampleEvery, watch, samples, context, stopSampling.Token) : Task.CompletedTask;
        // Sessions ramp up as fast as the server logs them in; the warm-up counts from the end of the ramp, since
        // memory grows with every session logged in (no end of ramp, e.g. a failed login: from the start).
        var rampSeconds = 0.0;
        await Concurrently.ForAsync(sessions, sessions, context.Cancellation, async (i, ct) =>
            await new SoakWorker(server, i, sessions, seed, maxFileBytes, opTimeout, counters)
                .RunAsync(until, pause, logins, () => rampSeconds = watch.Elapsed.TotalSeconds, ct));
        var seconds = watch.Elapsed.TotalSeconds;
        await stopSampling.CancelAsync();
        await sampler;
        // The server closes the last sessions' sockets after their QUIT; give it a moment before counting what is left.
        await Task.Delay(TimeSpan.FromSeconds(3), context.Cancellation);
        var after = probe.Enabled ? probe.Sample() : default;

        foreach (var failure in counters.Failures.Take(20))
        {
            context.Log(failure);
        }
        var details = new Dictionary<string, object>
        {
            ["sessions"] = sessions, ["seconds"] = seconds, ["seed"] = seed, ["errors"] = counters.Failures.Count,
            ["bytes"] = counters.Bytes, ["operations"] = counters.ByOperation, ["rampSeconds"] = rampSeconds,
        };
        context.Emit("soak-ops", counters.Operations / seconds, "ops/s", details);
        context.Emit("soak-errors", counters.Failures.Count, "errors", details);
        var ok = counters.Failures.Count == 0 && counters.Operations > 0;
        if (probe.Enabled)
        {
            ok &= Growth(samples, TimeSpan.FromSeconds(rampSeconds) + warmup, maxPssGrowth, context);
            var left = after.Handles - samples[0].Sample.Handles;
            context.Emit("soak-handles-left", left, "handles", new() { ["before"] = samples[0].Sample.Handles, ["after"] = after.Handles, ["tolerance"] = maxHandlesLeft });
            if (left > maxHandlesLeft)
            {
                context.Log($"{left} more handles open after every session quit than before the first (max {maxHandlesLeft})");
                ok = false;
            }
        }
        return ok;
    }

    private static async Task SampleAsync(ServerProbe probe, TimeSpan every, Stopwatch watch, List<(double, ProbeSample)> samples, ScenarioContext context, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every);
        do
        {
            var sample = probe.Sample();
            samples.Add((watch.Elapsed.TotalSeconds, sample));
            context.Log($"t={watch.Elapsed.TotalSeconds:F0}s PSS {sample.PssKib / 1024.0:F1} MiB, {sample.Handles} handles, {sample.Processes} processes");
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static bool Growth(List<(double Seconds, ProbeSample Sample)> samples, TimeSpan warmup, double maxPssPercent, ScenarioContext context)
    {
        var settled = samples.Where(s => s.Seconds >= warmup.TotalSeconds).Select(s => s.Sample).ToList();
        if (settled.Count < 3)
        {
            context.Log($"only {settled.Count} samples after the warm-up: growth cannot be judged (run longer or sample more often)");
            return false;
        }
        var third = Math.Max(1, settled.Count / 3);
        double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var pssFirst = Median(settled.Take(third).Select(s => (double)s.PssKib));
        var pssLast = Median(settled.TakeLast(third).Select(s => (double)s.PssKib));
        // Under load the handle count is shown, not judged (see soak-handles-left): its lowest in each third.
        double handlesFirst = settled.Take(third).Min(s => s.Handles);
        double handlesLast = settled.TakeLast(third).Min(s => s.Handles);
        var pssGrowth = (pssLast - pssFirst) / pssFirst * 100;
        var handleGrowth = handlesLast - handlesFirst;
        var series = new Dictionary<string, object>
        {
            ["samples"] = settled.Count,
            ["pssMiB"] = settled.Select(s => Math.Round(s.PssKib / 1024.0, 1)).ToArray(),
            ["handles"] = settled.Select(s => s.Handles).ToArray(),
            ["processes"] = settled.Select(s => s.Processes).ToArray(),
        };
        context.Emit("soak-pss-growth", pssGrowth, "%", new(series) { ["firstMiB"] = pssFirst / 1024, ["lastMiB"] = pssLast / 1024, ["tolerance"] = maxPssPercent });
        context.Emit("soak-handle-growth", handleGrowth, "handles", new() { ["firstFloor"] = handlesFirst, ["lastFloor"] = handlesLast });
        if (pssGrowth > maxPssPercent)
        {
            context.Log($"PSS grew {pssGrowth:F1}% after the warm-up (max {maxPssPercent}%)");
            return false;
        }
        return true;
    }
}
