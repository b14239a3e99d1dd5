using System.Diagnostics;
using System.Text;
using CommuniGateFtp.Bench.Ftp;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// <c>list --dir list20k --entries 20000</c>: LIST, MLSD and NLST of one directory (after CWD into it, so no server
/// prefixes names), seconds from the command to its 226. Every listing must hold exactly the expected entries: a
/// server that truncates (pure-ftpd does at 10,000 by default) fails the run instead of looking fast.
/// </summary>
public static class ListScenario
{
    public static async Task<bool> RunAsync(BenchArgs args, ScenarioContext context)
    {
        var server = args.Server();
        var directory = args.String("dir", "list20k");
        var expected = args.Int("entries", 20000);
        args.RejectUnused();
        await using var client = await FtpClient.LoginAsync(server, context.Cancellation);
        await client.ExpectAsync($"CWD {directory}", 250, context.Cancellation);
        var ok = true;
        foreach (var verb in (string[])["LIST", "MLSD", "NLST"])
        {
            var watch = Stopwatch.StartNew();
            var listing = await client.ListingAsync(verb, context.Cancellation);
            var seconds = watch.Elapsed.TotalSeconds;
            var scenario = verb.ToLowerInvariant();
            if (listing is null)
            {
                context.Emit(scenario, null, "s", new() { ["unsupported"] = true });
                continue;
            }
            var entries = CountEntries(verb, listing);
            if (entries != expected)
            {
                context.Log($"{verb}: {entries} entries, expected {expected} (truncated or wrong listing)");
                ok = false;
                continue;
            }
            context.Emit(scenario, seconds, "s", new() { ["entries"] = entries, ["bytes"] = listing.Length });
        }
        await client.QuitAsync(context.Cancellation);
        return ok;
    }

    /// <summary>Entries in a listing: LIST's "total" line and MLSD's cdir/pdir facts are not entries.</summary>
    public static int CountEntries(string verb, byte[] listing)
    {
        var lines = Encoding.UTF8.GetString(listing).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return verb switch
        {
            "LIST" => lines.Count(l => !l.StartsWith("total ", StringComparison.Ordinal)),
            "MLSD" => lines.Count(l => !l.Contains("type=cdir;", StringComparison.OrdinalIgnoreCase) && !l.Contains("type=pdir;", StringComparison.OrdinalIgnoreCase)),
            _ => lines.Count(l => l is not "." and not ".."),
        };
    }
}
