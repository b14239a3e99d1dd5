using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Ftp.Telemetry.Archive;

namespace CommuniGateFtp.Tests.Ftp.Telemetry.Archive;

/// <summary>Reading a daily file back: records parsed from CGP's format, filters, pages chained by byte offsets.</summary>
public sealed class LogFileReaderTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 5);

    private readonly string _file = Path.GetTempFileName();

    [Fact]
    public void A_record_reads_back_as_it_was_written()
    {
        var record = new FtpLogRecord(new DateTimeOffset(2026, 12, 5, 8, 9, 10, 123, TimeSpan.Zero), CgpLogLevel.Major, 42,
            "[::1]:5000", "login bob@example.com (password, TLS) ok");
        Assert.True(FtpLogRecord.TryParse(record.ToString(), Day, out var back));
        Assert.Equal(record, back);
    }

    [Theory]
    [InlineData("")]
    [InlineData("08:09:10.123 2 FTP-000042([::1]:5000")]
    [InlineData("08:09:10.123 9 FTP-000042([::1]:5000) level nine")]
    [InlineData("8:09:10.123 2 FTP-000042([::1]:5000) short hour")]
    [InlineData("08:09:10.123 2 SMTP-000042([::1]:5000) another module")]
    public void A_line_that_is_not_a_record_is_refused(string line) => Assert.False(FtpLogRecord.TryParse(line, Day, out _));

    [Fact]
    public async Task Pages_follow_each_other_by_offset_and_the_last_says_the_end()
    {
        WriteLines(Enumerable.Range(1, 5).Select(i => $"10:00:0{i}.000 2 FTP-00000{i}([127.0.0.1]:400{i}) login user{i} ok"));

        var first = await ReadAsync(new LogQuery("", CgpLogLevel.AllInfo, 0, 2));
        Assert.Equal(["login user1 ok", "login user2 ok"], first.Records.Select(r => r.Text));
        Assert.NotNull(first.Next);
        var second = await ReadAsync(new LogQuery("", CgpLogLevel.AllInfo, first.Next.Value, 2));
        Assert.Equal(["login user3 ok", "login user4 ok"], second.Records.Select(r => r.Text));
        var last = await ReadAsync(new LogQuery("", CgpLogLevel.AllInfo, second.Next!.Value, 2));
        Assert.Equal(["login user5 ok"], last.Records.Select(r => r.Text));
        Assert.Null(last.Next);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 10, 0, 5, TimeSpan.Zero), last.Records[0].Time);
    }

    [Fact]
    public async Task Search_ignores_case_the_level_filter_keeps_lower_levels_and_lines_that_are_not_records_are_skipped()
    {
        WriteLines([
            "10:00:01.000 2 FTP-000001([127.0.0.1]:4001) login Bob ok",
            "garbage left by a crash",
            "10:00:02.000 4 FTP-000001([127.0.0.1]:4001) RETR bob.txt -> 226",
            "10:00:03.000 2 FTP-000002([127.0.0.1]:4002) login carol ok",
            "10:00:04.000 3 FTP-000001([127.0.0.1]:4001) 550 BOB/missing.txt",
        ]);

        var bob = await ReadAsync(new LogQuery("bob", CgpLogLevel.Problems, 0, 10));
        Assert.Equal(["login Bob ok", "550 BOB/missing.txt"], bob.Records.Select(r => r.Text));
        Assert.Null(bob.Next);
        var all = await ReadAsync(new LogQuery("", CgpLogLevel.AllInfo, 0, 10));
        Assert.Equal(4, all.Records.Count);
    }

    [Fact]
    public async Task A_line_still_being_written_is_left_for_the_next_read()
    {
        File.WriteAllText(_file, "10:00:01.000 2 FTP-000001([127.0.0.1]:4001) login bob ok\n10:00:02.000 2 FTP-000002([127.0.0.1]:4002) login ca");
        var page = await ReadAsync(new LogQuery("", CgpLogLevel.AllInfo, 0, 10));
        Assert.Equal(["login bob ok"], page.Records.Select(r => r.Text));
    }

    [Fact]
    public async Task A_long_run_without_line_breaks_is_skipped_not_buffered_and_the_records_after_it_are_read()
    {
        File.WriteAllText(_file, new string('x', 300_000) + "\n10:00:01.000 2 FTP-000001([127.0.0.1]:4001) login bob ok\n");
        var page = await ReadAsync(new LogQuery("", CgpLogLevel.AllInfo, 0, 10));
        Assert.Equal(["login bob ok"], page.Records.Select(r => r.Text));
        Assert.Null(page.Next);
    }

    private Task<LogPage> ReadAsync(LogQuery query) => LogFileReader.ReadAsync(_file, Day, query, CancellationToken.None);

    private void WriteLines(IEnumerable<string> lines) => File.WriteAllText(_file, string.Join('\n', lines) + "\n");

    public void Dispose() => File.Delete(_file);
}
