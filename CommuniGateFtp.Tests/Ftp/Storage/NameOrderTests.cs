using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Tests.Ftp.Storage;

/// <summary>The listing sort by key-then-name gives exactly the ordinal order, whatever the names share.</summary>
public sealed class NameOrderTests
{
    [Theory]
    [InlineData(1, "ab")]
    [InlineData(2, "entry0")]
    [InlineData(3, "")]
    [InlineData(4, "\U0001F600")]
    public void Sorts_as_ordinal_comparison_does(int seed, string prefix)
    {
        // Few letters, so names share prefixes, are prefixes of each other and tie on the key; surrogates and U+FF21,
        // which order differently by code unit than by code point.
        string[] letters = ["a", "b", "\uFF21", "\U0001F600", "é", "0"];
        var random = new Random(seed);
        var names = Enumerable.Range(0, 2000)
            .Select(_ => prefix + string.Concat(Enumerable.Range(0, random.Next(0, 9)).Select(_ => letters[random.Next(letters.Length)])))
            .Distinct().ToArray();

        var sorted = names.ToArray();
        NameOrder.Sort(sorted.AsSpan(), static n => n);

        Assert.Equal(names.Order(StringComparer.Ordinal), sorted);
    }

    [Fact]
    public void Nothing_and_one_name_stay_as_they_are()
    {
        string[] none = [];
        string[] one = ["only"];
        NameOrder.Sort(none.AsSpan(), static n => n);
        NameOrder.Sort(one.AsSpan(), static n => n);
        Assert.Equal(["only"], one);
    }
}
