using CommuniGateFtp.Admin.Services;

namespace CommuniGateFtp.Tests.Admin;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1024, "1 KiB")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(1048575, "1 MiB")]
    [InlineData(1097229113, "1 GiB")]
    [InlineData(5L * 1024 * 1024 * 1024 + 512L * 1024 * 1024, "5.5 GiB")]
    [InlineData(3L * 1024 * 1024 * 1024 * 1024, "3 TiB")]
    [InlineData(-2048, "-2 KiB")]
    public void Format_uses_binary_units_with_one_decimal_at_most(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));

    [Theory]
    [InlineData("1048576", "1 MiB")]
    [InlineData("unlimited", "unlimited")]
    [InlineData("default", "default")]
    public void FormatLimit_turns_numbers_into_sizes_and_keeps_words(string limit, string expected) =>
        Assert.Equal(expected, ByteSize.FormatLimit(limit));

    [Fact]
    public void PercentUsed_is_null_without_a_numeric_limit_and_capped_at_100()
    {
        Assert.Null(ByteSize.PercentUsed(10, "unlimited"));
        Assert.Equal(25, ByteSize.PercentUsed(256, "1024"));
        Assert.Equal(100, ByteSize.PercentUsed(4096, "1024"));
    }
}
