using System.Net;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// Binds the FTP listener socket through Kestrel's socket transport (<see cref="ControlSocketTransport"/>) (pipes and tuned sockets, no HTTP server in the
/// way) and hands every accepted connection to the <see cref="FtpConnectionHandler"/>. Unbinding frees the port.
/// </summary>
public sealed class FtpListenerService(ControlSocketTransport transport, FtpConnectionHandler handler,
    IOptions<FtpOptions> options, ILogger<FtpListenerService> logger) : BackgroundService
{
    private readonly TaskCompletionSource<EndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IConnectionListener? _listener;

    /// <summary>The address the listener is bound to, once it is (port 0 in configuration picks a free port).</summary>
    public Task<EndPoint> BoundEndPoint => _bound.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        EndPoint endPoint = new IPEndPoint(settings.ListenAddress == "*" ? IPAddress.IPv6Any : IPAddress.Parse(settings.ListenAddress), settings.Port);
        try
        {
            // IPv6Any binds dual-stack: IPv4 clients arrive as IPv4-mapped addresses.
            _listener = await transport.BindAsync(endPoint, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.BindFailed(endPoint.ToString()!, ex);
            throw;
        }
        logger.Listening(_listener.EndPoint.ToString()!);
        _bound.TrySetResult(_listener.EndPoint);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = _listener!;
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
            connections.Add(handler.OnConnectedAsync(connection, stoppingToken));
            connections.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(connections);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is not null)
        {
            await _listener.UnbindAsync(cancellationToken);
        }
        await base.StopAsync(cancellationToken);
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }
    }
}
