using CommuniGateFtp.Ftp.Hosting;

namespace CommuniGateFtp.Tests.Ftp.Hosting;

public sealed class SocketEventThreadTests
{
    [Fact]
    public async Task Work_started_on_a_thread_outside_the_pool_continues_on_the_pool()
    {
        // A socket event thread is a thread of its own, as this one is.
        var continuedOnPool = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var eventThread = new Thread(() => _ = ContinueAsync(continuedOnPool)) { IsBackground = true };
        eventThread.Start();

        Assert.True(await continuedOnPool.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task On_a_pool_thread_it_stays_where_it_is()
    {
        var stayed = await Task.Run(async () =>
        {
            var before = Environment.CurrentManagedThreadId;
            var leaving = SocketEventThread.LeaveAsync();
            var completedAtOnce = leaving.IsCompleted;
            await leaving;
            return completedAtOnce && before == Environment.CurrentManagedThreadId;
        });

        Assert.True(stayed);
    }

    private static async Task ContinueAsync(TaskCompletionSource<bool> continuedOnPool)
    {
        Assert.False(Thread.CurrentThread.IsThreadPoolThread);
        await SocketEventThread.LeaveAsync();
        continuedOnPool.SetResult(Thread.CurrentThread.IsThreadPoolThread);
    }
}
