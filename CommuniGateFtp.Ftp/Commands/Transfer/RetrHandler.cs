using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// RETR (RFC 959): sends a file from the REST offset; the engine picks how (sendfile for plain binary data, TYPE A
/// turning LF into CRLF, protected channels through their streams).
/// </summary>
[FtpCommand("RETR", ArgumentRequired = true)]
public sealed class RetrHandler(TransferEngine engine) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var restart = RestartMarker.Take(session);
        var (location, file) = await session.RequireFiles().ReadableFileAsync(PathArgument.Existing(context), cancellationToken);
        var type = session.TransferType;
        if (restart.RefusalIn(type) is { } refusal)
        {
            return refusal;
        }
        restart.RequireWithin(file.Size);
        return engine.Start(session, new TransferRequest("RETR", location.Path.ToString(),
            $"Opening {(type == TransferType.Ascii ? "ASCII" : "BINARY")} mode data connection for {file.Name} ({file.Size} bytes)",
            new FileDownload(location, restart.Offset, file.Size - restart.Offset, type)), cancellationToken);
    }
}
