using System.Text;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Tests.Ftp.Storage;

/// <summary>The listing sort of UTF-8 names, by key then bytes, gives exactly the ordinal (UTF-16) order of the names as strings.</summary>
public sealed class NameOrderTests
{
    [Theory]
    [InlineData(1, "ab")]
    [InlineData(2, "entry0")]
    [InlineData(3, "")]
    [InlineData(4, "\U0001F600")]
    [InlineData(5, "shared prefix longer than a key ")]
    public void Sorts_as_ordinal_comparison_of_the_strings_does(int seed, string prefix)
    {
        // Few letters, so names share prefixes, are prefixes of each other and tie on the key; surrogate pairs, U+FF21 and
        // U+E000, which order differently by code unit than by code point; one-, two-, three- and four-byte sequences.
        string[] letters = ["a", "b", "\uFF21", "\U0001F600", "é", "0", "\uE000", "\uD7FF", "\U0010FFFF"];
        var random = new Random(seed);
        var names = Enumerable.Range(0, 2000)
            .Select(_ => prefix + string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => letters[random.Next(letters.Length)])))
            .Distinct().ToArray();

        Assert.Equal(names.Order(StringComparer.Ordinal), Sorted(names));
    }

    [Fact]
    public void Nothing_and_one_name_stay_as_they_are()
    {
        Assert.Empty(Sorted([]));
        Assert.Equal(["only"], Sorted(["only"]));
    }

    [Fact]
    public void Comparing_two_names_agrees_with_ordinal_comparison()
    {
        string[] names = ["", "a", "ab", "b", "\uFF21", "\U0001F600", "\uE000", "é", "\uD7FF"];
        foreach (var x in names)
        {
            foreach (var y in names)
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(x, y)), Math.Sign(NameOrder.Compare(Encoding.UTF8.GetBytes(x), Encoding.UTF8.GetBytes(y))));
            }
        }
    }

    private static string[] Sorted(string[] names)
    {
        var bytes = names.Select(Encoding.UTF8.GetBytes).ToArray();
        var positions = Enumerable.Range(0, names.Length).Reverse().ToArray();
        NameOrder.Sort(positions, i => bytes[i]);
        return [.. positions.Select(i => names[i])];
    }
}
