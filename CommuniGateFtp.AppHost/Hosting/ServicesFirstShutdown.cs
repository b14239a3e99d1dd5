using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommuniGateFtp.AppHost.Hosting;

/// <summary>
/// Ctrl+C (or SIGTERM) of the AppHost stops the services first and PostgreSQL last, all within seconds. Left to the
/// orchestrator, every resource is stopped at once: PostgreSQL went first (under sessions still using it), and a
/// project's <c>dotnet run</c> wrapper, which does not pass the orchestrator's stop on to the app it started, was killed
/// after a grace period while the app itself lingered some 10 s more, holding its ports against the next run. So before
/// the orchestrator tears down (this runs in the host's stopping phase), each running project gets SIGTERM — which
/// <c>dotnet run</c> forwards, and which the apps answer with a graceful shutdown (FTP sessions hear 421) — and we wait,
/// briefly, until they are gone.
/// </summary>
internal sealed class ServicesFirstShutdown(DistributedApplicationModel model, ResourceNotificationService notifications,
    ILogger<ServicesFirstShutdown> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(4);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var stopping = new List<Task>();
        foreach (var project in model.Resources.OfType<ProjectResource>())
        {
            if (notifications.TryGetCurrentState(project.Name, out var current)
                && current.Snapshot.State?.Text == KnownResourceStates.Running
                && current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
                && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var pid))
            {
                Terminate(project.Name, pid);
                stopping.Add(notifications.WaitForResourceAsync(project.Name, e => e.Snapshot.State?.Text != KnownResourceStates.Running, cancellationToken));
            }
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        await Task.WhenAll(stopping).WaitAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Terminate(string name, int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit(1000);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            logger.LogDebug(ex, "Could not signal {Resource} (pid {Pid}); the orchestrator stops it", name, pid);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
