using System.Text.Json;
using CommuniGateFtp.Bench.Measure;
using CommuniGateFtp.Bench.Scenarios;

namespace CommuniGateFtp.Tests.Bench;

/// <summary>
/// The load tool's scenarios in a seconds-long smoke mode against the real service on a real PostgreSQL: each one
/// runs, checks what it claims (byte-exact files, whole listings, zero soak errors) and produces its numbers. Speed is
/// never asserted: that is what bench/run.sh compares, side by side, on a quiet machine.
/// </summary>
public sealed class BenchSmokeTests(BenchServiceFactory service) : IClassFixture<BenchServiceFactory>
{
    private static readonly string Self = Environment.ProcessId.ToString();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Retr_and_stor_measure_whole_transfers(bool tls)
    {
        string[] mode = tls ? ["--tls"] : [];
        var retr = await BenchRun.RunAsync(["retr", "--file", "big.bin", .. mode, .. service.ServerArgs]);
        // A warm-up upload is made (and deleted) but not reported: one result line, as bench/run.sh expects.
        var stor = await BenchRun.RunAsync(["stor", "--size-mib", "3", "--warmup-runs", "1", .. mode, .. service.ServerArgs]);

        Assert.True(retr.ExitCode == 0, retr.Log);
        Assert.True(stor.ExitCode == 0, stor.Log);
        var down = retr.Single(tls ? "retr-tls" : "retr");
        Assert.Equal(4 << 20, BenchRun.Detail(down, "bytes"));
        Assert.True(down.Value > 0);
        Assert.Equal("MB/s", down.Unit);
        Assert.Equal(3 << 20, BenchRun.Detail(stor.Single(tls ? "stor-tls" : "stor"), "bytes"));
        Assert.Equal(["big.bin", "listing"], Directory.EnumerateFileSystemEntries(service.AccountRoot(BenchServiceFactory.User)).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Small_files_come_back_byte_exact_on_one_and_several_sessions()
    {
        var one = await BenchRun.RunAsync(["small-files", "--files", "30", "--sessions", "1", .. service.ServerArgs]);
        var four = await BenchRun.RunAsync(["small-files", "--files", "30", "--sessions", "4", .. service.ServerArgs]);

        Assert.True(one.ExitCode == 0, one.Log);
        Assert.True(four.ExitCode == 0, four.Log);
        Assert.True(one.Single("small-files-x1").Value > 0);
        Assert.True(one.Single("small-stor-x1").Value > 0);
        Assert.Equal(4, BenchRun.Detail(four.Single("small-files-x4"), "sessions"));
    }

    [Fact]
    public async Task List_counts_every_entry_of_LIST_MLSD_and_NLST()
    {
        var run = await BenchRun.RunAsync(["list", "--dir", "listing", "--entries", BenchServiceFactory.ListEntries.ToString(), .. service.ServerArgs]);

        Assert.True(run.ExitCode == 0, run.Log);
        foreach (var verb in (string[])["list", "mlsd", "nlst"])
        {
            Assert.Equal(BenchServiceFactory.ListEntries, BenchRun.Detail(run.Single(verb), "entries"));
        }
    }

    [Fact]
    public async Task List_fails_when_a_listing_lacks_entries()
    {
        var run = await BenchRun.RunAsync(["list", "--dir", "listing", "--entries", (BenchServiceFactory.ListEntries + 1).ToString(), .. service.ServerArgs]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("truncated or wrong listing", run.Log);
        Assert.Empty(run.Results);
    }

    [Fact]
    public async Task Logins_measure_a_burst_and_a_rate()
    {
        var run = await BenchRun.RunAsync(["logins", "--logins", "12", "--in-flight", "4", "--rate-logins", "8", "--rate-clients", "4", .. service.ServerArgs]);

        Assert.True(run.ExitCode == 0, run.Log);
        Assert.True(run.Single("logins").Value > 0);
        Assert.True(run.Single("login-rate-x4").Value > 0);
    }

    [Fact]
    public async Task Distinct_accounts_log_in_once_each_and_a_missing_one_fails_the_run()
    {
        for (var i = 1; i <= 3; i++)
        {
            await service.CreateFtpAccountAsync($"storm{i}", "storm-pass-1");
        }

        var run = await BenchRun.RunAsync(["logins", "--accounts", "3", "--in-flight", "2", .. service.ServerArgs, "--user", "storm", "--password", "storm-pass-1"]);
        var missing = await BenchRun.RunAsync(["logins", "--accounts", "4", "--in-flight", "2", .. service.ServerArgs, "--user", "storm", "--password", "storm-pass-1"]);

        Assert.True(run.ExitCode == 0, run.Log);
        Assert.True(run.Single("logins-distinct-x3").Value > 0);
        Assert.Equal(1, missing.ExitCode);
    }

    [Fact]
    public async Task Idle_sessions_are_measured_in_the_server_process_memory()
    {
        var run = await BenchRun.RunAsync(["idle", "--sessions", "10", "--hold-seconds", "0.2", "--server-pid", Self, .. service.ServerArgs]);

        Assert.True(run.ExitCode == 0, run.Log);
        var idle = run.Single("idle-x10");
        Assert.Equal("KiB/session", idle.Unit);
        Assert.True(BenchRun.Detail(idle, "pssAfterKib") > 0);
        Assert.True(BenchRun.Detail(idle, "processesAfter") >= 1);
    }

    [Fact]
    public async Task Soak_runs_every_operation_byte_exact_with_zero_errors_and_samples_the_server()
    {
        // The test host holds the client and other tests beside the server, so its memory is no server's alone: the
        // growth gate is exercised by bench/run.sh on a server process of its own; here the tolerances are wide open.
        var run = await BenchRun.RunAsync(["soak", "--sessions", "5", "--seconds", "20", "--pause-ms", "20", "--max-file-kib", "64",
            "--sample-seconds", "2", "--warmup-seconds", "4", "--max-pss-growth-percent", "100000", "--max-handles-left", "100000",
            "--server-pid", Self, .. service.ServerArgs]);

        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Equal(0, run.Single("soak-errors").Value);
        var operations = ((JsonElement)run.Single("soak-ops").Details!["operations"]).Deserialize<Dictionary<string, long>>()!;
        Assert.All((string[])["STOR", "REST-STOR", "RETR", "LIST", "DELE"], op => Assert.True(operations.GetValueOrDefault(op) > 0, $"no {op}"));
        Assert.True(BenchRun.Detail(run.Single("soak-pss-growth"), "samples") >= 3);
        Assert.NotNull(run.Single("soak-handle-growth").Value);
        Assert.NotNull(run.Single("soak-handles-left").Value);
        Assert.False(Directory.EnumerateDirectories(service.AccountRoot(BenchServiceFactory.User), "soak-*").Any(), "soak sessions clean up after themselves");
    }

    [Fact]
    public async Task Unknown_options_are_a_usage_error()
    {
        var run = await BenchRun.RunAsync(["retr", "--fiel", "big.bin", .. service.ServerArgs]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fiel", run.Log);
    }

    [Fact]
    public void Report_shows_medians_and_the_ratio_to_the_best_peer_either_way_up()
    {
        ResultLine[] lines =
        [
            new("retr", "vsftpd", 100, "MB/s"), new("retr", "pure-ftpd", 200, "MB/s"), new("retr", "ours", 300, "MB/s"), new("retr", "ours", 100, "MB/s"), new("retr", "ours", 500, "MB/s"),
            new("list", "vsftpd", 0.5, "s"), new("list", "pure-ftpd", 2, "s"), new("list", "ours", 1, "s"),
            new("ceiling-tcp", "machine", 3000, "MB/s"),
        ];

        var table = ReportScenario.Render(lines, ["vsftpd", "pure-ftpd", "ours"], "ours");

        Assert.Contains("| retr | MB/s | 100 | 200 | 300 | 1.50 | – | 3 |", table);
        Assert.Contains("| list | s | 0.500 | 2.00 | 1.00 | 0.500 | – | 1 |", table);
        Assert.Contains("| ceiling-tcp | MB/s | 3,000 | 1 |", table);
    }

    [Fact]
    public void Report_gives_the_ratio_round_by_round_against_that_rounds_best_peer()
    {
        // Round 2 is slow for everyone: the medians' ratio (1.56) and the rounds' ratios (1.50, 1.20, 1.00) differ.
        ResultLine[] lines =
        [
            new("retr", "vsftpd", 100, "MB/s"), new("retr", "pure-ftpd", 200, "MB/s"), new("retr", "ours", 300, "MB/s"),
            new("retr", "vsftpd", 50, "MB/s"), new("retr", "pure-ftpd", 100, "MB/s"), new("retr", "ours", 120, "MB/s"),
            new("retr", "vsftpd", 250, "MB/s"), new("retr", "pure-ftpd", 160, "MB/s"), new("retr", "ours", 250, "MB/s"),
            new("mlsd", "vsftpd", null, "s"), new("mlsd", "pure-ftpd", 2, "s"), new("mlsd", "ours", 1, "s"),
            new("mlsd", "vsftpd", null, "s"), new("mlsd", "pure-ftpd", 3, "s"), new("mlsd", "ours", 4, "s"),
        ];

        var table = ReportScenario.Render(lines, ["vsftpd", "pure-ftpd", "ours"], "ours");

        Assert.Contains("| retr | MB/s | 100 | 160 | 250 | 1.56 | 1.20 (1.00–1.50) | 3 |", table);
        Assert.Contains("| mlsd | s | – | 2.50 | 2.50 | 1.00 | 1.38 (0.750–2.00) | 2 |", table);
    }
}
