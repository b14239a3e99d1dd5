using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>
/// The AppHost's local PostgreSQL killed (SIGKILL, as the OOM killer would): the AppHost starts it again and the Ftp
/// service serves logins again by itself; stopped on purpose (the dashboard's Stop), it stays stopped (issue 17).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PostgresWatchdogEndToEndTests(AspireAppFixture fixture)
{
    [Fact]
    public async Task A_killed_postgres_is_restarted_and_logins_work_again()
    {
        fixture.RequireStarted();
        var domain = await ManagementClient.MainDomainAsync(await ManagementClient.CreateAsync(fixture));
        var postmaster = Postmaster();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ended = WaitForStateAsync("Finished", "Exited", timeout.Token);

        await ProcessRunner.RunAsync("kill", ["-KILL", postmaster]);

        await ended;
        await WaitForStateAsync(KnownResourceStates.Running, null, timeout.Token);
        await WaitForLoginAsync(domain, timeout.Token);
        Assert.NotEqual(postmaster, Postmaster());
    }

    [Fact]
    public async Task A_postgres_stopped_on_purpose_stays_stopped()
    {
        fixture.RequireStarted();
        var domain = await ManagementClient.MainDomainAsync(await ManagementClient.CreateAsync(fixture));
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        Assert.True((await commands.ExecuteCommandAsync("postgres", KnownResourceCommands.StopCommand, timeout.Token)).Success);
        await WaitForStateAsync("Finished", "Exited", timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(4), timeout.Token); // longer than the watchdog's first pause
        var state = fixture.App.Services.GetRequiredService<ResourceNotificationService>().TryGetCurrentState("postgres", out var current)
            ? current.Snapshot.State?.Text : null;
        Assert.True(state is "Finished" or "Exited", $"postgres is {state}");

        Assert.True((await commands.ExecuteCommandAsync("postgres", KnownResourceCommands.StartCommand, timeout.Token)).Success);
        await WaitForLoginAsync(domain, timeout.Token);
    }

    private string Postmaster() => File.ReadLines(Path.Combine(fixture.PostgresDataDirectory, "postmaster.pid")).First().Trim();

    private Task WaitForStateAsync(string state, string? or, CancellationToken cancellationToken) =>
        fixture.App.ResourceNotifications.WaitForResourceAsync("postgres",
            e => e.Snapshot.State?.Text == state || (or is not null && e.Snapshot.State?.Text == or), cancellationToken);

    private async Task WaitForLoginAsync(string domain, CancellationToken cancellationToken)
    {
        while (true)
        {
            var login = await FtpClients.FtplibLoginAsync(fixture.FtpPort, $"postmaster@{domain}", AspireAppFixture.AdminPassword);
            if (login.StartsWith("230"))
            {
                return;
            }
            Assert.False(cancellationToken.IsCancellationRequested, $"no login after PostgreSQL came back: {login}");
            await Task.Delay(500, CancellationToken.None);
        }
    }
}
