using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.DataChannels;

namespace CommuniGateFtp.Ftp.Cluster;

/// <summary>
/// A pending PASV on a shared port: the data connection is handed over by whoever receives it — this node's shared
/// listener, or its relay listener when the connection reached another node. Disposing releases the reservation.
/// </summary>
public sealed class SharedPassiveChannel(SharedPassivePorts owner, IPEndPoint localEndPoint, IPAddress client, Guid token) : IPassiveDataChannel
{
    private readonly TaskCompletionSource<Socket> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _opened;

    public bool IsPassive => true;

    public IPEndPoint LocalEndPoint { get; } = localEndPoint;

    /// <summary>The client address the reservation is for: the only address whose connection is accepted (SEC-PASVTHEFT).</summary>
    public IPAddress Client { get; } = client;

    /// <summary>What a relaying node sends first (16 bytes) to name this reservation.</summary>
    public Guid Token { get; } = token;

    public int Port => LocalEndPoint.Port;

    public async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var socket = await _arrived.Task.WaitAsync(cancellationToken);
        Interlocked.Exchange(ref _opened, 1); // from here the stream owns the socket
        owner.Release(this); // one connection per PASV
        socket.NoDelay = true;
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Hands the data connection over; false (and the socket closed) when one came already or the channel is gone.</summary>
    public bool Deliver(Socket socket)
    {
        if (_arrived.TrySetResult(socket))
        {
            return true;
        }
        socket.Dispose();
        return false;
    }

    public ValueTask DisposeAsync()
    {
        owner.Release(this);
        if (!_arrived.TrySetCanceled() && _arrived.Task.IsCompletedSuccessfully && Interlocked.Exchange(ref _opened, 1) == 0)
        {
            _arrived.Task.Result.Dispose(); // arrived, never opened
        }
        return ValueTask.CompletedTask;
    }
}
