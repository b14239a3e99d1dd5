using CommuniGateFtp.Ftp.Security.Gssapi;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>
/// Registers the configured keytab with the GSSAPI library at start, before any session can ask for a context, and
/// reports a configured keytab that cannot be used at once rather than at the first AUTH GSSAPI.
/// </summary>
public sealed class GssapiStartup(GssapiAcceptor acceptor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        acceptor.EnsureStarted();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
