using CommuniGateFtp.Admin.Services.Live;

namespace CommuniGateFtp.Tests.Admin;

public sealed class LogBufferTests
{
    private const string Login = "19:51:48.123 2 FTP-000042([127.0.0.1]:51234) login alice@example.com refused";
    private const string Command = "19:51:48.200 4 FTP-000042([127.0.0.1]:51234) PASS *** -> 530";

    [Fact]
    public void Level_filter_and_search_apply_to_old_and_new_records()
    {
        var buffer = new LogBuffer();
        buffer.Add(Login);
        buffer.SetFilter(3, "alice");
        buffer.Add(Command);
        buffer.Add("19:51:49.000 3 FTP-000043([127.0.0.1]:51235) timeout for alice");
        Assert.Equal([Login, "19:51:49.000 3 FTP-000043([127.0.0.1]:51235) timeout for alice"], buffer.View);
        Assert.Equal(3, buffer.Total);
    }

    [Fact]
    public void A_resumed_stream_skips_the_records_it_replays()
    {
        var buffer = new LogBuffer();
        buffer.Add(Login);
        buffer.Add(Command);
        buffer.Resume();
        buffer.Add(Login);
        buffer.Add(Command);
        buffer.Add("19:52:00.000 2 FTP-000044([127.0.0.1]:51236) new");
        Assert.Equal(3, buffer.Total);
    }

    [Fact]
    public void Keeps_the_newest_hundred_thousand_records()
    {
        var buffer = new LogBuffer();
        for (var i = 0; i < LogBuffer.Capacity + LogBuffer.Capacity / 10 + 1; i++)
        {
            buffer.Add($"00:00:00.000 2 FTP-000001(server) record {i}");
        }
        Assert.Equal(LogBuffer.Capacity, buffer.Total);
        Assert.EndsWith($"record {LogBuffer.Capacity + LogBuffer.Capacity / 10}", buffer.View[^1]);
    }

    [Fact]
    public void LevelOf_reads_the_digit_after_the_time() => Assert.Equal(4, LogBuffer.LevelOf(Command));
}
