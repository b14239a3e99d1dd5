using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// Keeps the shared passive ports (<c>sharedPassivePorts</c>) bound on this node's listen address, and with them the relay
/// port other nodes hand data connections to; follows the live setting (empty: all closed).
/// </summary>
public sealed class SharedPassiveListeners(SharedPassivePorts shared, LiveSettings settings, IOptions<FtpOptions> options,
    ILogger<SharedPassiveListeners> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<int, Socket> _ports = [];
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _relay;

    /// <summary>The shared ports bound now.</summary>
    public IReadOnlyCollection<int> Bound
    {
        get
        {
            lock (_ports)
            {
                return [.. _ports.Keys];
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        settings.Changed += OnChanged;
        await ApplyAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        settings.Changed -= OnChanged;
        await _stopping.CancelAsync();
        await ApplyAsync();
    }

    // The host may call StopAsync after Dispose, or both at once (WebApplicationFactory with minimal hosting stops and
    // disposes the host from two places: dotnet/aspnetcore#40271). So Dispose closes the sockets and leaves the token
    // source and the gate usable: neither holds a timer or a wait handle, so there is nothing of theirs to free.
    public void Dispose()
    {
        settings.Changed -= OnChanged;
        _stopping.Cancel();
        lock (_ports)
        {
            foreach (var socket in _ports.Values)
            {
                socket.Dispose();
            }
            _ports.Clear();
        }
        _relay?.Dispose();
    }

    private void OnChanged(FtpServerSettings changed) => _ = ApplyAsync();

    private async Task ApplyAsync()
    {
        await _gate.WaitAsync();
        try
        {
            IReadOnlyList<int> wanted = [];
            if (!_stopping.IsCancellationRequested)
            {
                PortList.TryParse(settings.Current.SharedPassivePorts, out wanted, out _);
            }
            lock (_ports)
            {
                foreach (var port in _ports.Keys.Where(p => !wanted.Contains(p)).ToList())
                {
                    _ports.Remove(port, out var socket);
                    socket!.Dispose();
                }
            }
            foreach (var port in wanted.Where(p => !Bound.Contains(p)))
            {
                if (TryListen(port) is { } socket)
                {
                    lock (_ports)
                    {
                        _ports[port] = socket;
                    }
                    _ = AcceptAllAsync(socket, s => shared.AcceptedAsync(s, port, _stopping.Token));
                }
            }
            ApplyRelay(wanted.Count > 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void ApplyRelay(bool wanted)
    {
        if (!wanted)
        {
            shared.RelayEndPoint = null;
            _relay?.Dispose();
            _relay = null;
            return;
        }
        if (_relay is not null || TryListen(options.Value.RelayPort) is not { } relay)
        {
            return;
        }
        _relay = relay;
        shared.RelayEndPoint = new IPEndPoint(AdvertisedAddress(), ((IPEndPoint)relay.LocalEndPoint!).Port);
        _ = AcceptAllAsync(relay, s => shared.RelayedAsync(s, _stopping.Token));
        logger.LogInformation("Accepting relayed data connections on {RelayEndPoint}", shared.RelayEndPoint);
    }

    private Socket? TryListen(int port)
    {
        var address = ListenAddress();
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }
            AddressReuse.Allow(socket);
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(512);
            return socket;
        }
        catch (SocketException ex)
        {
            logger.LogError(ex, "Shared passive port {Port} cannot be bound on {Address}", port, address);
            socket.Dispose();
            return null;
        }
    }

    private static async Task AcceptAllAsync(Socket listener, Func<Socket, Task> handle)
    {
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await listener.AcceptAsync();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
                return; // unbound
            }
            _ = Task.Run(() => handle(accepted));
        }
    }

    private IPAddress ListenAddress() =>
        new ListenerSocket { Address = options.Value.ListenAddress }.ToEndPoint()?.Address ?? IPAddress.IPv6Any;

    // Where the other nodes reach this one: the listen address when it is one, else this host's first routable address.
    private IPAddress AdvertisedAddress()
    {
        var address = ListenAddress();
        if (!address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.Any))
        {
            return address;
        }
        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
    }
}
