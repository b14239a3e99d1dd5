using CommuniGateFtp.Ftp.Sessions;
using Microsoft.AspNetCore.Connections;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>The thin adapter from a transport connection to an FTP session over its pipes.</summary>
public sealed class FtpConnectionHandler(FtpSessionLoop sessions)
{
    public async Task OnConnectedAsync(ConnectionContext connection, bool implicitTls, CancellationToken stopping)
    {
        await using (connection)
        {
            await sessions.RunAsync(connection.Transport, connection.RemoteEndPoint, connection.LocalEndPoint, stopping, implicitTls,
                connection.Features.Get<ILoginCompletionFeature>());
        }
    }
}
