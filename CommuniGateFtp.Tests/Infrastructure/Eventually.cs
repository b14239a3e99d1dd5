namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// Retries an attempt until it stops throwing, for effects that land a moment after the call that causes them (a
/// session ending on the server after the client left). The 10 s bound only keeps a broken server from hanging the run.
/// </summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task> attempt)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
