using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Tests.Ftp.DataChannels;

/// <summary>
/// Both ways a plain binary download can go (Ftp:PlainDownloads): over a real loopback connection, the file range from
/// the REST offset arrives byte-exact and is counted, across several 1 MiB chunks and a partial last one.
/// </summary>
public sealed class DataPhaseTests : IDisposable
{
    private const int Size = 3 * (1 << 20) + 12_345;
    private readonly string _root = Directory.CreateTempSubdirectory("cgftp-dataphase-").FullName;

    [Theory]
    [InlineData(PlainDownloadMethod.ReadSend, 0)]
    [InlineData(PlainDownloadMethod.ReadSend, 1_500_000)]
    [InlineData(PlainDownloadMethod.Sendfile, 0)]
    [InlineData(PlainDownloadMethod.Sendfile, 1_500_000)]
    public async Task A_plain_binary_download_sends_the_range_from_the_offset(PlainDownloadMethod method, int offset)
    {
        var content = File.ReadAllBytes(TestFiles.Write(Path.Combine(_root, "owner", "file.bin"), Size));
        var area = new StorageArea(Path.Combine(_root, "owner"), Path.Combine(_root, ".staging"), "owner", FileRights.All);
        var path = VirtualPath.Root.Append("file.bin");
        var download = new FileDownload(new StorageLocation(path, new StorageOwner(1, "owner", "example.com"), area, path), offset, Size - offset,
            TransferType.Image);
        using var transfer = new FtpTransfer("RETR", "/file.bin", TransferDirection.Send, TimeProvider.System);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        using var server = await listener.AcceptSocketAsync();
        var received = new MemoryStream();
        var receiving = client.GetStream().CopyToAsync(received);

        await using (var data = new NetworkStream(server, ownsSocket: false))
        {
            await new DataPhase(Options.Create(new FtpOptions { PlainDownloads = method }))
                .RunAsync(download, data, transfer, TimeSpan.FromMinutes(1), CancellationToken.None);
        }
        server.Shutdown(SocketShutdown.Send);
        await receiving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(content.AsSpan(offset).SequenceEqual(received.ToArray()), "the bytes from the offset to the end");
        Assert.Equal(Size - offset, transfer.Bytes);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
