using System.Net;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// Binds the FTP listener sockets through Kestrel's socket transport (<see cref="ControlSocketTransport"/>) — the
/// clear control port and, when configured, the implicit-TLS port (TLS-IMPLICIT) — and hands every accepted connection
/// to the <see cref="FtpConnectionHandler"/>. Unbinding frees the ports.
/// </summary>
public sealed class FtpListenerService(ControlSocketTransport transport, FtpConnectionHandler handler,
    IOptions<FtpOptions> options, ILogger<FtpListenerService> logger) : BackgroundService
{
    private readonly TaskCompletionSource<EndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(IConnectionListener Listener, bool ImplicitTls)> _listeners = [];

    /// <summary>The clear listener's address, once bound (port 0 in configuration picks a free port).</summary>
    public Task<EndPoint> BoundEndPoint => _bound.Task;

    /// <summary>The implicit-TLS listener's address, or null when none is configured.</summary>
    public EndPoint? ImplicitTlsEndPoint => _listeners.FirstOrDefault(l => l.ImplicitTls).Listener?.EndPoint;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var address = settings.ListenAddress == "*" ? IPAddress.IPv6Any : IPAddress.Parse(settings.ListenAddress);
        // IPv6Any binds dual-stack: IPv4 clients arrive as IPv4-mapped addresses.
        await BindAsync(new IPEndPoint(address, settings.Port), implicitTls: false, cancellationToken);
        if (settings.Tls.ImplicitPort > 0)
        {
            await BindAsync(new IPEndPoint(address, settings.Tls.ImplicitPort), implicitTls: true, cancellationToken);
        }
        _bound.TrySetResult(_listeners[0].Listener.EndPoint);
        await base.StartAsync(cancellationToken);
    }

    private async Task BindAsync(EndPoint endPoint, bool implicitTls, CancellationToken cancellationToken)
    {
        try
        {
            var listener = await transport.BindAsync(endPoint, cancellationToken);
            _listeners.Add((listener, implicitTls));
            logger.Listening(listener.EndPoint.ToString()! + (implicitTls ? " (implicit TLS)" : ""));
        }
        catch (Exception ex)
        {
            logger.BindFailed(endPoint.ToString()!, ex);
            throw;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_listeners.Select(l => AcceptAsync(l.Listener, l.ImplicitTls, stoppingToken)));

    private async Task AcceptAsync(IConnectionListener listener, bool implicitTls, CancellationToken stoppingToken)
    {
        var connections = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            ConnectionContext? connection;
            try
            {
                connection = await listener.AcceptAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (connection is null)
            {
                break; // unbound
            }
            connections.Add(handler.OnConnectedAsync(connection, implicitTls, stoppingToken));
            connections.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(connections);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (listener, _) in _listeners)
        {
            await listener.UnbindAsync(cancellationToken);
        }
        await base.StopAsync(cancellationToken);
        foreach (var (listener, _) in _listeners)
        {
            await listener.DisposeAsync();
        }
    }
}
