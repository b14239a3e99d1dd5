using CommuniGateFtp.Ftp.Data;

namespace CommuniGateFtp.Tests.Ftp.Accounts;

public sealed class StorageLimitTests
{
    [Theory]
    [InlineData("default", StorageLimitKind.Default, 0)]
    [InlineData("Unlimited", StorageLimitKind.Unlimited, 0)]
    [InlineData("1024", StorageLimitKind.Limited, 1024)]
    [InlineData("10K", StorageLimitKind.Limited, 10240)]
    [InlineData("2M", StorageLimitKind.Limited, 2097152)]
    [InlineData("1G", StorageLimitKind.Limited, 1073741824)]
    public void Cgp_limit_texts_parse(string text, StorageLimitKind kind, long value)
    {
        Assert.True(StorageLimit.TryParse(text, out var limit));
        Assert.Equal(kind, limit.Kind);
        Assert.Equal(value, limit.Value);
        Assert.Equal(limit, StorageLimit.Parse(limit.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("99999999999T")]
    public void Nonsense_is_refused(string text) => Assert.False(StorageLimit.TryParse(text, out _));
}
