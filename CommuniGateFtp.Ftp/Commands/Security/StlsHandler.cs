using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;

namespace CommuniGateFtp.Ftp.Commands.Security;

/// <summary>STLS (CGP): the same as AUTH TLS (CMD-STLS).</summary>
[FtpCommand("STLS")]
public sealed class StlsHandler(TlsHandshake tls) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AuthHandler.Start(context, "TLS", tls));
}
