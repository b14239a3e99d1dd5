using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Tests.Ftp.Storage;

/// <summary>The chunked list that keeps big listings off the large object heap: every item where it was, in order.</summary>
public sealed class ChunkedListTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(8193)]
    [InlineData(20_000)]
    public void Items_keep_their_places_across_chunk_borders(int count)
    {
        string[] items = [.. Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        var list = new ChunkedList<string>(items);

        Assert.Equal(count, list.Count);
        Assert.Equal(items, list);
        Assert.All(Enumerable.Range(0, count).Where(i => i % 997 == 0 || i % 8192 is 0 or 8191), i => Assert.Same(items[i], list[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }
}
