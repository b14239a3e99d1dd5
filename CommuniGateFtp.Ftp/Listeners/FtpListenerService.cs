using System.Collections.Concurrent;
using System.Net;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// Keeps the FTP Listener table bound (SET-LISTENER, NET-SOCKETS) through Kestrel's socket transport
/// (<see cref="ControlSocketTransport"/>) and hands admitted connections to the <see cref="FtpConnectionHandler"/>.
/// Every settings change is applied live: sockets added are bound, removed ones unbound, moved ones rebound, and
/// SET-CHANNELS 0 unbinds them all; open sessions are never ended. <see cref="ConnectionAdmission"/> decides who is served.
/// </summary>
public sealed class FtpListenerService(ControlSocketTransport transport, ConnectionAdmission admission, FtpConnectionHandler handler,
    LiveSettings settings, TlsHandshake tls, FtpLogBook log, IOptions<FtpOptions> options, ILogger<FtpListenerService> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<EndPoint> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<IPEndPoint, ListenerBinding> _bindings = [];
    private readonly Dictionary<IPEndPoint, string> _failures = [];
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly CancellationTokenSource _shutdown = new();
    private volatile IReadOnlyList<ListenerSocket> _startup = [];
    private volatile IReadOnlyList<ListenerSocketState> _states = [];

    private CancellationToken Stopping => _shutdown.Token;

    /// <summary>
    /// The first clear socket's address once first bound (the start-up port 0 picks a free port, kept after). Faults
    /// when that socket cannot be bound.
    /// </summary>
    public Task<EndPoint> BoundEndPoint => _bound.Task;

    /// <summary>The Listener table in force: the live settings' table, else the start-up sockets (with the ports the system chose).</summary>
    public IReadOnlyList<ListenerSocket> Sockets => settings.Current.Listener ?? _startup;

    /// <summary>Each row of the table in force with its state after the last <see cref="ApplyAsync"/> (for <c>GET /api/stats</c>).</summary>
    public IReadOnlyList<ListenerSocketState> States => _states;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _startup = ListenerTable.FromStartupOptions(options.Value);
        // Bound before the host reports started (and healthy), unless Channels is 0.
        settings.Changed += OnSettingsChanged;
        await ApplyAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    // The host may call StopAsync after Dispose, or both at once (WebApplicationFactory with minimal hosting stops and
    // disposes the host from two places: dotnet/aspnetcore#40271). So the shutdown source is cancelled, never disposed:
    // it holds no timer or wait handle, and StopAsync must still find its token.
    public override void Dispose()
    {
        _shutdown.Cancel();
        base.Dispose();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        settings.Changed -= OnSettingsChanged;
        await _shutdown.CancelAsync(); // sessions answer 421 and close
        await ApplyAsync();
        try
        {
            // Until the host's shutdown timeout: one connection that does not close (a client silent in a TLS handshake,
            // say) must not keep the service from stopping for good.
            await Task.WhenAll(_connections.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("{Count} FTP connections were still open at the end of the shutdown timeout", _connections.Count);
        }
        await base.StopAsync(cancellationToken);
    }

    private void OnSettingsChanged(FtpServerSettings changed) => _ = ApplyAsync();

    /// <summary>
    /// Brings the bound sockets in line with the Listener table and Channels, and returns when done (the settings API
    /// awaits it, so its answer means "applied on this node"). Reads the settings under the lock: changes that arrive
    /// together end in the latest one.
    /// </summary>
    public async Task ApplyAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var current = settings.Current;
            var wanted = current.Channels > 0 && !Stopping.IsCancellationRequested ? WantedSockets(current) : [];
            if (current.Channels == 0 && _bindings.Count > 0)
            {
                logger.LogInformation("Channels is 0: closing every FTP listener socket");
            }
            // Removals first: a row that moves from '*' to one address of the same port can bind only after.
            foreach (var (endPoint, binding) in _bindings.Where(b => !wanted.Any(w => w.EndPoint.Equals(b.Key))).ToList())
            {
                _bindings.Remove(endPoint);
                await UnbindAsync(binding);
            }
            foreach (var endPoint in _failures.Keys.Where(f => !wanted.Any(w => w.EndPoint.Equals(f))).ToList())
            {
                _failures.Remove(endPoint);
            }
            var results = new List<(ListenerSocket Socket, ListenerBinding? Binding, Exception? Error)>();
            foreach (var (endPoint, socket) in wanted)
            {
                if (_bindings.TryGetValue(endPoint, out var bound))
                {
                    if (socket.Secure && !bound.Socket.Secure)
                    {
                        CheckCertificate(socket);
                    }
                    bound.Socket = socket; // TLS flag, client list and per-IP limit apply in place, to new connections
                    results.Add((socket, bound, null));
                    continue;
                }
                var (binding, error) = await TryBindAsync(endPoint, socket);
                results.Add((socket, binding, error));
            }
            ReportFirstBinding(results);
            _states = DescribeStates(current);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Applying the FTP Listener table failed");
        }
        finally
        {
            _gate.Release();
        }
    }

    // Invalid rows can only come from a document written around the API; they are skipped, and so is a second row
    // for an end point already taken. Start-up rows may have port 0 (the system picks one).
    private List<(IPEndPoint EndPoint, ListenerSocket Socket)> WantedSockets(FtpServerSettings current)
    {
        var rows = current.Listener is { } table ? ListenerTable.WithoutRemovedRows(table) : _startup;
        var wanted = new List<(IPEndPoint, ListenerSocket)>();
        foreach (var row in rows)
        {
            if (row.ToEndPoint() is { } endPoint && !wanted.Any(w => w.Item1.Equals(endPoint)))
            {
                wanted.Add((endPoint, row));
            }
            else
            {
                logger.LogWarning("FTP listener row {Socket} is invalid or repeated; skipped", row.Describe());
            }
        }
        return wanted;
    }

    private async Task<(ListenerBinding? Binding, Exception? Error)> TryBindAsync(IPEndPoint endPoint, ListenerSocket socket)
    {
        try
        {
            var listener = await transport.BindAsync(endPoint, Stopping);
            if (socket.Port == 0)
            {
                // Keep the port the system chose, so that the table shows it and a rebind takes the same one.
                var chosen = socket with { Port = ((IPEndPoint)listener.EndPoint).Port };
                _startup = [.. _startup.Select(row => row == socket ? chosen : row)];
                (socket, endPoint) = (chosen, new IPEndPoint(endPoint.Address, chosen.Port));
            }
            var binding = new ListenerBinding(listener, socket);
            binding.Accepting = AcceptAsync(binding);
            _bindings[endPoint] = binding;
            _failures.Remove(endPoint);
            logger.Listening(socket.Describe());
            if (socket.Secure)
            {
                CheckCertificate(socket);
            }
            return (binding, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // LOG-CONTENT 1: the others keep working; every settings change tries this one again, logged once per cause.
            if (!(_failures.TryGetValue(endPoint, out var known) && known == ex.Message))
            {
                _failures[endPoint] = ex.Message;
                logger.BindFailed(socket.Describe(), ex);
                log.Write(CgpLogLevel.Failures, 0, Where(socket), $"listener socket could not be bound: {ex.Message}");
            }
            return (null, ex);
        }
    }

    private List<ListenerSocketState> DescribeStates(FtpServerSettings current)
    {
        var rows = current.Listener is { } table ? ListenerTable.WithoutRemovedRows(table) : _startup;
        return [.. rows.Select(row => row.ToEndPoint() is not { } endPoint ? new ListenerSocketState(row, false, "invalid row")
            : _bindings.ContainsKey(endPoint) ? new ListenerSocketState(row, true, null)
            : new ListenerSocketState(row, false, current.Channels == 0 ? "Channels is 0: every socket is closed"
                : Stopping.IsCancellationRequested ? "the server is stopping"
                : _failures.GetValueOrDefault(endPoint) ?? "not bound"))];
    }

    private void ReportFirstBinding(List<(ListenerSocket Socket, ListenerBinding? Binding, Exception? Error)> results)
    {
        if (_bound.Task.IsCompleted || results.Count == 0)
        {
            return;
        }
        var first = results.FirstOrDefault(r => !r.Socket.Secure);
        first = first.Socket is null ? results[0] : first;
        if (first.Binding is not null)
        {
            _bound.TrySetResult(first.Binding.Listener.EndPoint);
        }
        else if (first.Error is not null)
        {
            _bound.TrySetException(first.Error);
        }
    }

    private async Task UnbindAsync(ListenerBinding binding)
    {
        await binding.Listener.UnbindAsync();
        await binding.Accepting;
        await binding.Listener.DisposeAsync();
        logger.LogInformation("FTP listener socket {Socket} closed", binding.Socket.Describe());
    }

    private async Task AcceptAsync(ListenerBinding binding)
    {
        while (true)
        {
            ConnectionContext? connection;
            try
            {
                connection = await binding.Listener.AcceptAsync(Stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (connection is null)
            {
                return; // unbound
            }
            if (admission.TryAdmit(connection, binding) is not { } ticket)
            {
                continue;
            }
            var served = ServeAsync(connection, binding, ticket);
            _connections.TryAdd(served, 0);
            _ = served.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(ConnectionContext connection, ListenerBinding binding, AdmissionTicket ticket)
    {
        try
        {
            await handler.OnConnectedAsync(connection, binding.Socket.Secure, Stopping);
        }
        finally
        {
            admission.Release(ticket);
        }
    }

    // The API refuses secure rows without a configured certificate; one that does not load is a Failures record
    // (LOG-CONTENT 1). The socket stays bound: the certificate is reloaded when its files change.
    private void CheckCertificate(ListenerSocket socket)
    {
        if (!tls.IsAvailable)
        {
            log.Write(CgpLogLevel.Failures, 0, Where(socket), "secure listener socket has no usable TLS certificate: its handshakes fail until one loads");
        }
    }

    private static string Where(ListenerSocket socket) => $"[{socket.Address}]:{socket.Port}";
}
