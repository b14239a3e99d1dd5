using System.Diagnostics;
using CommuniGateFtp.Bench.Ftp;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// <c>logins --logins 1000 --in-flight 64</c>: that many complete logins (connect, 220, USER, PASS 230, TYPE I, QUIT),
/// seconds for all; then <c>--rate-logins</c> more by <c>--rate-clients 16</c> clients in a loop, logins per second.
/// Every login must succeed.
/// </summary>
public static class LoginsScenario
{
    public static async Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var server = args.Server();
        var logins = args.Int("logins", 1000);
        var inFlight = args.Int("in-flight", 64);
        var rateLogins = args.Int("rate-logins", 500);
        var rateClients = args.Int("rate-clients", 16);
        args.RejectUnused();
        var burst = await TimeLoginsAsync(server, logins, inFlight, context);
        context.Emit("logins", burst, "s", new() { ["logins"] = logins, ["inFlight"] = inFlight });
        if (rateLogins > 0)
        {
            var seconds = await TimeLoginsAsync(server, rateLogins, rateClients, context);
            context.Emit($"login-rate-x{rateClients}", rateLogins / seconds, "logins/s", new() { ["logins"] = rateLogins, ["clients"] = rateClients });
        }
        return true;
    }

    private static async Task<double> TimeLoginsAsync(FtpServer server, int count, int inFlight, ScenarioContext context)
    {
        var watch = Stopwatch.StartNew();
        await Concurrently.ForAsync(count, inFlight, context.Cancellation, async (_, ct) =>
        {
            var client = await FtpClient.LoginAsync(server, ct);
            await client.QuitAsync(ct);
        });
        return watch.Elapsed.TotalSeconds;
    }
}
