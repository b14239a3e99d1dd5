using System.Text;
using CommuniGateFtp.Ftp.Commands.Listing;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Tests.Ftp.Commands.Listing;

/// <summary>The listing data phase across its 64 KiB chunks: every line whole, in order, CRLF-ended, counted.</summary>
public sealed class ListingBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(20_000)]
    public async Task Many_lines_cross_chunk_borders_whole(int count)
    {
        // Lines of varying length, so chunk borders fall at every offset within a line and on the line end.
        string[] names = [.. Enumerable.Range(0, count).Select(i => $"entry{i:00000}" + new string('x', i % 37) + "é")];
        using var transfer = new FtpTransfer("NLST", "/", TransferDirection.Send, TimeProvider.System);
        using var output = new MemoryStream();

        await ListingBody.For(names)(output, transfer, TimeSpan.FromMinutes(1), CancellationToken.None);

        var expected = string.Concat(names.Select(n => n + "\r\n"));
        Assert.Equal(expected, Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(output.Length, transfer.Bytes);
    }

    [Fact]
    public async Task A_line_longer_than_a_chunk_goes_out_whole()
    {
        string[] lines = ["short", new string('n', 200_000), "after"];
        using var transfer = new FtpTransfer("LIST", "/", TransferDirection.Send, TimeProvider.System);
        using var output = new MemoryStream();

        await ListingBody.For(lines)(output, transfer, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(string.Concat(lines.Select(l => l + "\r\n")), Encoding.UTF8.GetString(output.ToArray()));
    }
}
