using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Tests.Ftp.Hosting;

public sealed class InlineSocketCompletionsTests
{
    [Fact]
    public async Task A_marked_socket_continues_on_the_socket_event_thread()
    {
        Assert.False(await ContinuesOnThePoolAsync(new FtpOptions { InlineSocketCompletions = true }));
    }

    [Fact]
    public async Task Turned_off_a_socket_continues_on_the_thread_pool()
    {
        Assert.True(await ContinuesOnThePoolAsync(new FtpOptions { InlineSocketCompletions = false }));
    }

    // Whether the code after a receive that had to wait ran on a thread-pool thread.
    private static async Task<bool> ContinuesOnThePoolAsync(FtpOptions options)
    {
        var inline = new InlineSocketCompletions(Options.Create(options), NullLogger<InlineSocketCompletions>.Instance);
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        using var accepted = await listener.AcceptAsync();
        inline.Apply(accepted);

        var continuedOnPool = await Task.Run(async () =>
        {
            var receiving = ReceiveAndTellAsync(accepted);
            Assert.False(receiving.IsCompleted); // nothing sent yet: the receive waits for the event thread
            await client.SendAsync(new byte[] { 1 });
            return await receiving;
        });
        return continuedOnPool;
    }

    private static async Task<bool> ReceiveAndTellAsync(Socket socket)
    {
        var buffer = new byte[1];
        // No ConfigureAwait games: the socket's completion decides where this continues.
        await socket.ReceiveAsync(buffer);
        return Thread.CurrentThread.IsThreadPoolThread;
    }
}
