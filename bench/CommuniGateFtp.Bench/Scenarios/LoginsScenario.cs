using System.Diagnostics;
using System.Globalization;
using CommuniGateFtp.Bench.Ftp;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// <c>logins --logins 1000 --in-flight 64</c>: that many complete logins (connect, 220, USER, PASS 230, TYPE I, QUIT),
/// seconds for all; then <c>--rate-logins</c> more by <c>--rate-clients 16</c> clients in a loop, logins per second.
/// With <c>--accounts N</c> instead: one login each of N different accounts, <c>--user</c> followed by 1..N (all with
/// <c>--password</c>), <c>--in-flight</c> at once, seconds for all — a reconnect storm of first logins, each of which
/// pays the password KDF (the accounts must be new to the server's memory, i.e. not logged in since it started).
/// Every login must succeed.
/// </summary>
public static class LoginsScenario
{
    public static async Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var server = args.Server();
        var accounts = args.Int("accounts", 0);
        var logins = args.Int("logins", 1000);
        var inFlight = args.Int("in-flight", 64);
        var rateLogins = args.Int("rate-logins", 500);
        var rateClients = args.Int("rate-clients", 16);
        args.RejectUnused();
        if (accounts > 0)
        {
            var storm = await TimeLoginsAsync(i => server with { User = server.User + (i + 1).ToString(CultureInfo.InvariantCulture) }, accounts, inFlight, context);
            context.Emit($"logins-distinct-x{accounts}", storm, "s", new() { ["accounts"] = accounts, ["inFlight"] = inFlight });
            return true;
        }
        var burst = await TimeLoginsAsync(_ => server, logins, inFlight, context);
        context.Emit("logins", burst, "s", new() { ["logins"] = logins, ["inFlight"] = inFlight });
        if (rateLogins > 0)
        {
            var seconds = await TimeLoginsAsync(_ => server, rateLogins, rateClients, context);
            context.Emit($"login-rate-x{rateClients}", rateLogins / seconds, "logins/s", new() { ["logins"] = rateLogins, ["clients"] = rateClients });
        }
        return true;
    }

    private static async Task<double> TimeLoginsAsync(Func<int, FtpServer> server, int count, int inFlight, ScenarioContext context)
    {
        var watch = Stopwatch.StartNew();
        await Concurrently.ForAsync(count, inFlight, context.Cancellation, async (i, ct) =>
        {
            var client = await FtpClient.LoginAsync(server(i), ct);
            await client.QuitAsync(ct);
        });
        return watch.Elapsed.TotalSeconds;
    }
}
