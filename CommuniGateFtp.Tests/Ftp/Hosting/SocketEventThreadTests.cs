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

    [Fact]
    public async Task Cancelling_outside_the_pool_marks_the_token_at_once_and_runs_its_callbacks_on_the_pool()
    {
        using var source = new CancellationTokenSource();
        var callbackOnPool = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = source.Token.Register(() => callbackOnPool.TrySetResult(Thread.CurrentThread.IsThreadPoolThread));
        var markedAtOnce = false;
        var eventThread = new Thread(() =>
        {
            SocketEventThread.Cancel(source);
            markedAtOnce = source.IsCancellationRequested;
        }) { IsBackground = true };
        eventThread.Start();
        eventThread.Join();

        Assert.True(markedAtOnce);
        Assert.True(await callbackOnPool.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Cancelling_on_a_pool_thread_runs_the_callbacks_before_it_returns()
    {
        var ranBeforeReturn = await Task.Run(() =>
        {
            using var source = new CancellationTokenSource();
            var ran = false;
            using var registration = source.Token.Register(() => ran = true);
            SocketEventThread.Cancel(source);
            return ran;
        });

        Assert.True(ranBeforeReturn);
    }

    private static async Task ContinueAsync(TaskCompletionSource<bool> continuedOnPool)
    {
        Assert.False(Thread.CurrentThread.IsThreadPoolThread);
        await SocketEventThread.LeaveAsync();
        continuedOnPool.SetResult(Thread.CurrentThread.IsThreadPoolThread);
    }
}
