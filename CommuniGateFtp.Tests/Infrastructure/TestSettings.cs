using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>Live settings without a database: held by a <see cref="MemorySettingsStore"/>, as the engine holds the service's.</summary>
public static class TestSettings
{
    public static LiveSettings Live(FtpServerSettings settings)
    {
        var live = new LiveSettings(new MemorySettingsStore());
        // The memory store answers at once: nothing waits here.
        live.SaveAsync(settings, CancellationToken.None).GetAwaiter().GetResult();
        return live;
    }
}
