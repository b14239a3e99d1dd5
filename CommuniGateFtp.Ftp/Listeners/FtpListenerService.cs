using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// Binds the FTP listener sockets through Kestrel's socket transport (<see cref="ControlSocketTransport"/>) — the
/// clear control port and, when configured, the implicit-TLS port (TLS-IMPLICIT) — and hands accepted connections to
/// the <see cref="FtpConnectionHandler"/>. SET-CHANNELS applies live: connections over the limit get 421, and a limit
/// of 0 unbinds every socket (the ports are free) until it is raised again.
/// </summary>
public sealed class FtpListenerService(ControlSocketTransport transport, FtpConnectionHandler handler, LiveSettings settings,
    IOptions<FtpOptions> options, ILogger<FtpListenerService> logger) : BackgroundService
{
    private static readonly byte[] TooManyConnections = Encoding.ASCII.GetBytes("421 Too many connections, try again later\r\n");
    private static readonly byte[] AccessDenied = Encoding.ASCII.GetBytes("421 Access denied\r\n");

    private readonly TaskCompletionSource<EndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(IConnectionListener Listener, bool ImplicitTls, Task Accepting)> _listeners = [];
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly List<(EndPoint EndPoint, bool ImplicitTls)> _endPoints = [];
    private readonly CancellationTokenSource _shutdown = new();
    private int _open;
    private (string Source, IpAddressList List) _blacklist = ("", IpAddressList.Empty);

    private CancellationToken Stopping => _shutdown.Token;

    /// <summary>The clear listener's address, once first bound (port 0 in configuration picks a free port, kept after).</summary>
    public Task<EndPoint> BoundEndPoint => _bound.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var ftp = options.Value;
        var address = ftp.ListenAddress == "*" ? IPAddress.IPv6Any : IPAddress.Parse(ftp.ListenAddress);
        // IPv6Any binds dual-stack: IPv4 clients arrive as IPv4-mapped addresses.
        _endPoints.Add((new IPEndPoint(address, ftp.Port), false));
        if (ftp.Tls.ImplicitPort > 0)
        {
            _endPoints.Add((new IPEndPoint(address, ftp.Tls.ImplicitPort), true));
        }
        // Bound before the host reports started (and healthy), unless Channels is 0.
        settings.Changed += OnSettingsChanged;
        await ApplyAsync(settings.Current.Channels);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    public override void Dispose()
    {
        _shutdown.Dispose();
        base.Dispose();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        settings.Changed -= OnSettingsChanged;
        await _shutdown.CancelAsync(); // sessions answer 421 and close
        await UnbindAllAsync();
        await Task.WhenAll(_connections.Keys);
        await base.StopAsync(cancellationToken);
    }

    private void OnSettingsChanged(FtpServerSettings changed) => _ = ApplyAsync(changed.Channels);

    private async Task ApplyAsync(int channels)
    {
        await _gate.WaitAsync();
        try
        {
            if (channels > 0 && _listeners.Count == 0 && !Stopping.IsCancellationRequested)
            {
                await BindAllAsync();
            }
            else if (channels == 0 && _listeners.Count > 0)
            {
                logger.LogInformation("Channels is 0: closing every FTP listener socket");
                await UnbindListenersAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task BindAllAsync()
    {
        for (var i = 0; i < _endPoints.Count; i++)
        {
            var (endPoint, implicitTls) = _endPoints[i];
            try
            {
                var listener = await transport.BindAsync(endPoint, Stopping);
                // Keep the port the system chose, so that raising Channels from 0 binds the same one again.
                _endPoints[i] = (listener.EndPoint, implicitTls);
                _listeners.Add((listener, implicitTls, AcceptAsync(listener, implicitTls)));
                logger.Listening(listener.EndPoint + (implicitTls ? " (implicit TLS)" : ""));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.BindFailed(endPoint.ToString()!, ex);
                _bound.TrySetException(ex);
                throw;
            }
        }
        _bound.TrySetResult(_endPoints[0].EndPoint);
    }

    private async Task UnbindAllAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await UnbindListenersAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task UnbindListenersAsync()
    {
        foreach (var (listener, _, accepting) in _listeners)
        {
            await listener.UnbindAsync();
            await accepting;
            await listener.DisposeAsync();
        }
        _listeners.Clear();
    }

    private async Task AcceptAsync(IConnectionListener listener, bool implicitTls)
    {
        while (true)
        {
            ConnectionContext? connection;
            try
            {
                connection = await listener.AcceptAsync(Stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (connection is null)
            {
                return; // unbound
            }
            if (IsBlacklisted(connection.RemoteEndPoint))
            {
                _ = RefuseAsync(connection, AccessDenied); // NET-BLACKLIST
                continue;
            }
            if (Interlocked.Increment(ref _open) > settings.Current.Channels)
            {
                Interlocked.Decrement(ref _open);
                _ = RefuseAsync(connection, TooManyConnections);
                continue;
            }
            var served = ServeAsync(connection, implicitTls);
            _connections.TryAdd(served, 0);
            _ = served.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(ConnectionContext connection, bool implicitTls)
    {
        try
        {
            await handler.OnConnectedAsync(connection, implicitTls, Stopping);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private bool IsBlacklisted(EndPoint? remote)
    {
        var source = settings.Current.BlacklistedIps;
        if (string.IsNullOrWhiteSpace(source) || remote is not IPEndPoint client)
        {
            return false;
        }
        var cached = _blacklist;
        if (!ReferenceEquals(cached.Source, source))
        {
            // Validated when saved; a list that no longer parses blocks nobody rather than everybody.
            cached = (source, IpAddressList.TryParse(source, out var list, out _) ? list : IpAddressList.Empty);
            _blacklist = cached;
        }
        return cached.List.Contains(client.Address);
    }

    // The refused connection hears why before it is closed (SET-CHANNELS, NET-BLACKLIST).
    private static async Task RefuseAsync(ConnectionContext connection, byte[] reply)
    {
        await using (connection)
        {
            try
            {
                await connection.Transport.Output.WriteAsync(reply);
                await connection.Transport.Output.CompleteAsync();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
            }
        }
    }
}
