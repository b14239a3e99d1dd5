using System.Net;
using System.Net.Sockets;
using CommuniGateFtp.Ftp.Hosting;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// An active data channel: the server connects to the client's PORT/EPRT address, from the local port
/// <see cref="ActiveSource"/> chooses (SET-FIXEDACTIVE, NET-ACTIVE).
/// </summary>
/// <param name="problem">Receives the problems worth a Problems record (a fixed port that could not be bound).</param>
public sealed class ActiveDataChannel(IPEndPoint target, ActiveSource source, InlineSocketCompletions inline, Action<string> problem) : IDataChannel
{
    public bool IsPassive => false;

    public IPEndPoint Target { get; } = target;

    public async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(Target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            source.Bind(socket, Target.AddressFamily, problem);
            inline.Apply(socket);
            await socket.ConnectAsync(Target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
