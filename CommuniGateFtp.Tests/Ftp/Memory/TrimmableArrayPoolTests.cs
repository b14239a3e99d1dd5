using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Tests.Ftp.Memory;

public sealed class TrimmableArrayPoolTests
{
    private readonly TrimmableArrayPool<byte> _pool = new();

    [Fact]
    public void A_returned_array_is_kept_until_a_trim_lets_it_go()
    {
        var first = _pool.Rent(1 << 20);
        _pool.Return(first);
        Assert.Same(first, _pool.Rent(1 << 20));
        _pool.Return(first);

        _pool.Trim();

        Assert.NotSame(first, _pool.Rent(1 << 20));
    }

    [Fact]
    public void An_array_rented_before_a_trim_and_returned_after_it_is_let_go_too()
    {
        var rented = _pool.Rent(256 << 10);
        _pool.Trim();

        _pool.Return(rented); // no complaint: it is simply not kept

        Assert.NotSame(rented, _pool.Rent(200 << 10));
    }

    [Fact]
    public void Arrays_larger_than_the_pool_keeps_are_lent_and_dropped()
    {
        var huge = _pool.Rent(TrimmableArrayPool<byte>.LargestKept + 1);
        Assert.True(huge.Length > TrimmableArrayPool<byte>.LargestKept);

        _pool.Return(huge);

        Assert.NotSame(huge, _pool.Rent(TrimmableArrayPool<byte>.LargestKept + 1));
    }

    [Fact]
    public void Trimming_all_empties_the_shared_pools()
    {
        var listingOrder = TrimmableArrayPool<int>.Shared.Rent(3 << 20); // a size nothing else in the tests rents
        TrimmableArrayPool<int>.Shared.Return(listingOrder);

        PoolTrimming.TrimAll();

        Assert.NotSame(listingOrder, TrimmableArrayPool<int>.Shared.Rent(3 << 20));
    }
}
