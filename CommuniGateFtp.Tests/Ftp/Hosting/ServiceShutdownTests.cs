using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Hosting;

/// <summary>
/// The host may stop the service's hosted services after it disposed them, or stop them twice at once: a test host
/// built by WebApplicationFactory from the minimal-hosting Program stops and disposes from two places
/// (dotnet/aspnetcore#40271), and a CI run failed on it once. Either order must stop cleanly.
/// </summary>
public sealed class ServiceShutdownTests
{
    [Fact]
    public async Task Stopping_after_the_services_were_disposed_throws_nothing()
    {
        var service = new FtpServiceFactory();
        await service.InitializeAsync();
        await using (var session = await RawFtpClient.ConnectAsync(service.FtpPort))
        {
            Assert.StartsWith("331", await session.CommandAsync("USER nobody"));
        }

        // What the Program's own run does when it wins the race: disposes the container, and with it every singleton.
        await ((IAsyncDisposable)service.Services).DisposeAsync();

        await service.DisposeAsync(); // the factory's stop: every hosted service's StopAsync, now on disposed objects
    }

    [Fact]
    public async Task Two_stops_at_once_both_finish()
    {
        var service = new FtpServiceFactory();
        await service.InitializeAsync();
        var host = (Microsoft.Extensions.Hosting.IHost)service.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHost))!;

        await Task.WhenAll(host.StopAsync(), host.StopAsync(), service.DisposeAsync().AsTask());
    }
}
