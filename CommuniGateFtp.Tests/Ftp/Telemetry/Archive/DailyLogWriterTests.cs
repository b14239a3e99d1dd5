using System.Text.RegularExpressions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Ftp.Telemetry.Archive;
using CommuniGateFtp.Tests.Ftp.Blacklist;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommuniGateFtp.Tests.Ftp.Telemetry.Archive;

/// <summary>The FTP log's daily files: one a UTC day by the server's clock, retention, and a folder that cannot be written.</summary>
public sealed class DailyLogWriterTests : IDisposable
{
    private const string Node = "node-a";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cgftp-logs-");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 6, 23, 59, 59, 500, TimeSpan.Zero));
    private readonly LiveSettings _settings = TestSettings.Live(new FtpServerSettings { LogLevel = CgpLogLevel.AllInfo, LogRetentionDays = 3 });
    private readonly FtpLogBook _log;

    public DailyLogWriterTests() => _log = new FtpLogBook(_settings, _clock, NullLogger<FtpLogBook>.Instance);

    private string Folder => Path.Combine(_root.FullName, Node);

    private DailyLogWriter Writer(string? root = null) =>
        new(_log, new LogArchive(root ?? _root.FullName, Node), _settings, _clock, NullLogger<DailyLogWriter>.Instance);

    private string FileOf(string day) => Path.Combine(Folder, day + ".log");

    [Fact]
    public async Task Records_go_to_the_file_of_their_UTC_day_and_midnight_starts_the_next()
    {
        var writer = Writer();
        _log.Write(CgpLogLevel.Major, 7, "[127.0.0.1]:4000", "login bob ok");
        await writer.StartAsync(CancellationToken.None);
        _clock.Now += TimeSpan.FromSeconds(0.7); // 00:00:00.200 the next day
        _log.Write(CgpLogLevel.Problems, 7, "[127.0.0.1]:4000", "550 nothing here");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(["23:59:59.500 2 FTP-000007([127.0.0.1]:4000) login bob ok"], File.ReadAllLines(FileOf("2026-12-06")));
        Assert.Equal(["00:00:00.200 3 FTP-000007([127.0.0.1]:4000) 550 nothing here"], File.ReadAllLines(FileOf("2026-12-07")));
    }

    [Fact]
    public async Task A_record_never_spans_two_lines_and_a_line_cut_off_by_a_crash_does_not_swallow_the_next()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(FileOf("2026-12-06"), "23:59:58.000 2 FTP-000001([127.0.0.1]:4000) cut of");
        var writer = Writer();
        await writer.StartAsync(CancellationToken.None);
        _log.Write(CgpLogLevel.Major, 2, "[127.0.0.1]:4001", "first line\r\nsecond line");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(
            ["23:59:58.000 2 FTP-000001([127.0.0.1]:4000) cut of", "23:59:59.500 2 FTP-000002([127.0.0.1]:4001) first line second line"],
            File.ReadAllLines(FileOf("2026-12-06")));
    }

    [Fact]
    public async Task Retention_deletes_older_days_at_start_and_again_when_a_new_day_begins()
    {
        Directory.CreateDirectory(Folder);
        foreach (var day in new[] { "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06" })
        {
            File.WriteAllText(FileOf(day), "");
        }
        File.WriteAllText(Path.Combine(Folder, "notes.log"), "not a day: left alone");
        var writer = Writer();
        await writer.StartAsync(CancellationToken.None);
        try
        {
            // Three days: the 6th (today), the 5th and the 4th stay.
            await Eventually.HoldsAsync(() =>
            {
                Assert.Equal(["2026-12-04.log", "2026-12-05.log", "2026-12-06.log", "notes.log"], Names());
                return Task.CompletedTask;
            });

            _clock.Now += TimeSpan.FromSeconds(1); // the 7th
            _log.Write(CgpLogLevel.Major, 3, "[127.0.0.1]:4002", "a record on the new day wakes the writer");
            await Eventually.HoldsAsync(() =>
            {
                Assert.Equal(["2026-12-05.log", "2026-12-06.log", "2026-12-07.log", "notes.log"], Names());
                return Task.CompletedTask;
            });
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_costs_one_Failures_record_the_live_log_goes_on_and_writing_resumes()
    {
        // A regular file where the folder should be: creating the node's folder fails, even for root.
        var blocked = Path.Combine(_root.FullName, "blocked");
        File.WriteAllText(blocked, "");
        var writer = Writer(blocked);
        await writer.StartAsync(CancellationToken.None);
        try
        {
            _log.Write(CgpLogLevel.Major, 4, "[127.0.0.1]:4003", "login carol ok");
            await Eventually.HoldsAsync(() =>
            {
                Assert.Contains(_log.Recent(), r => r.Level == CgpLogLevel.Failures && r.Text.StartsWith("log files cannot be written in", StringComparison.Ordinal));
                return Task.CompletedTask;
            });
            _log.Write(CgpLogLevel.Major, 5, "[127.0.0.1]:4004", "login dave ok");
            Assert.Equal("login dave ok", _log.Recent()[^1].Text);

            File.Delete(blocked);
            _log.Write(CgpLogLevel.Major, 6, "[127.0.0.1]:4005", "login erin ok");
            await Eventually.HoldsAsync(() =>
            {
                var lines = File.ReadAllLines(Path.Combine(blocked, Node, "2026-12-06.log"));
                Assert.Contains(lines, l => l.EndsWith("login erin ok", StringComparison.Ordinal));
                Assert.Contains(lines, l => Regex.IsMatch(l, @" 1 FTP-000000\(server\) log files are written again in .+; [1-9]\d* records in between are not in them$"));
                Assert.DoesNotContain(lines, l => l.EndsWith("login carol ok", StringComparison.Ordinal));
                return Task.CompletedTask;
            });
            Assert.Single(_log.Recent(), r => r.Text.StartsWith("log files cannot be written", StringComparison.Ordinal));
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }

    private List<string> Names() => [.. Directory.EnumerateFiles(Folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public void Dispose() => _root.Delete(recursive: true);
}
