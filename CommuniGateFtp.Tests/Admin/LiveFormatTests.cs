using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>How the live pages say progress, rates, time left and results.</summary>
public sealed class LiveFormatTests
{
    private static TransferResponse Transfer(long bytes, long? size, double rate, double? eta) =>
        new("RETR", "/big.bin", "Send", bytes, rate, DateTimeOffset.UnixEpoch, size, eta);

    [Theory]
    [InlineData(0, "0 B/s")]
    [InlineData(1023.4, "1023 B/s")]
    [InlineData(1536, "1.5 KiB/s")]
    [InlineData(1048576, "1 MiB/s")]
    [InlineData(-5, "0 B/s")]
    public void Rate_is_a_binary_size_per_second(double bytesPerSecond, string text) => Assert.Equal(text, LiveFormat.Rate(bytesPerSecond));

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(42.4, "42 s")]
    [InlineData(185, "3 min 05 s")]
    [InlineData(7620, "2 h 07 min")]
    [InlineData(90000, "1 d 1 h")]
    public void Duration_reads_as_people_say_it(double seconds, string text) => Assert.Equal(text, LiveFormat.Duration(seconds));

    [Fact]
    public void A_known_size_shows_its_share_and_the_time_left_rounded_up()
    {
        var transfer = Transfer(12 * 1024 * 1024, 48 * 1024 * 1024, 1024 * 1024, 35.2);
        Assert.Equal("12 MiB of 48 MiB (25%)", LiveFormat.Progress(transfer));
        Assert.Equal(25, LiveFormat.Percent(transfer));
        Assert.Equal("36 s left", LiveFormat.Eta(transfer));
    }

    [Fact]
    public void An_unknown_size_has_no_share_and_says_why_there_is_no_ETA()
    {
        var transfer = Transfer(5000, null, 1000, null);
        Assert.Equal("4.9 KiB", LiveFormat.Progress(transfer));
        Assert.Null(LiveFormat.Percent(transfer));
        Assert.Equal("no ETA: size unknown", LiveFormat.Eta(transfer));
        Assert.Equal("no ETA: stalled", LiveFormat.Eta(Transfer(0, 100, 0, null)));
        Assert.Equal(100, LiveFormat.Percent(Transfer(0, 0, 0, null)));
    }

    [Theory]
    [InlineData(226, "complete", true)]
    [InlineData(426, "aborted or cut", false)]
    [InlineData(552, "quota exceeded", false)]
    public void Result_codes_are_named(int code, string meaning, bool succeeded)
    {
        Assert.Equal(meaning, LiveFormat.Result(code));
        Assert.Equal(succeeded, LiveFormat.Succeeded(code));
    }
}
