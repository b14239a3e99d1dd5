using CommuniGateFtp.Ftp.Sessions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>The thin adapter from a transport connection to an FTP session over its pipes.</summary>
public sealed class FtpConnectionHandler(FtpSessionLoop sessions, InlineSocketCompletions inline)
{
    public async Task OnConnectedAsync(ConnectionContext connection, bool implicitTls, CancellationToken stopping)
    {
        if (connection.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            inline.Apply(socket); // before the greeting: the client's first line arrives on the event thread
        }
        await using (connection)
        {
            await sessions.RunAsync(connection.Transport, connection.RemoteEndPoint, connection.LocalEndPoint, stopping, implicitTls,
                connection.Features.Get<ILoginCompletionFeature>());
        }
    }
}
