using System.Net;
using System.Net.Sockets;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// An active data channel: the server connects to the client's PORT/EPRT address. With the fixed active port
/// (SET-FIXEDACTIVE) it binds the control port − 1 on the control connection's local address first, as RFC 959's
/// default data port; when that bind fails it falls back to an ephemeral port.
/// </summary>
public sealed class ActiveDataChannel(IPEndPoint target, IPEndPoint? fixedLocal, ILogger logger) : IDataChannel
{
    public bool IsPassive => false;

    public IPEndPoint Target { get; } = target;

    public async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(Target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (fixedLocal is not null)
            {
                TryBindFixed(socket, fixedLocal);
            }
            await socket.ConnectAsync(Target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void TryBindFixed(Socket socket, IPEndPoint local)
    {
        try
        {
            AddressReuse.Allow(socket);
            var address = local.AddressFamily == Target.AddressFamily ? local.Address
                : Target.AddressFamily == AddressFamily.InterNetwork && local.Address.IsIPv4MappedToIPv6 ? local.Address.MapToIPv4()
                : null;
            if (address is not null)
            {
                socket.Bind(new IPEndPoint(address, local.Port));
            }
        }
        catch (SocketException ex)
        {
            logger.LogWarning("Binding the fixed active port {Port} failed ({Error}); using an ephemeral port", local.Port, ex.SocketErrorCode);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
