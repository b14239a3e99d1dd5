using System.Net;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.AspNetCore.Connections;

namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// One bound listener socket: its transport listener, its accept loop, the table row in force (updated in place when
/// only its TLS flag, client list or per-IP limit change) and the per-IP connection counts of NET-PERIP.
/// </summary>
internal sealed class ListenerBinding(IConnectionListener listener, ListenerSocket socket)
{
    private readonly AddressCounts _perIp = new();
    private readonly AddressListCache _allowed = new();
    private volatile ListenerSocket _socket = socket;

    public IConnectionListener Listener => listener;

    /// <summary>The row in force; new connections take its values, open ones keep theirs.</summary>
    public ListenerSocket Socket
    {
        get => _socket;
        set => _socket = value;
    }

    public Task Accepting { get; set; } = Task.CompletedTask;

    /// <summary>NET-SOCKETS: an empty client list serves everyone.</summary>
    public bool Allows(IPAddress client)
    {
        var clients = Socket.AllowedClients;
        return string.IsNullOrWhiteSpace(clients) || _allowed.Get(clients).Contains(client);
    }

    /// <summary>NET-PERIP: counts a connection from <paramref name="client"/>; false (not counted) over the limit.</summary>
    public bool TryEnter(IPAddress client) => _perIp.TryEnter(client, Socket.PerIpLimit);

    /// <summary>A connection counted by <see cref="TryEnter"/> has ended.</summary>
    public void Leave(IPAddress client) => _perIp.Leave(client);
}
