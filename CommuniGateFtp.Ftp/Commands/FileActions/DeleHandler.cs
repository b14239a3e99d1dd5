using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>DELE (RFC 959): deletes a file; a directory gets <c>550 Is a directory</c>.</summary>
[FtpCommand("DELE")]
public sealed class DeleHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.Existing(context);
        context.Session.RequireStorage().DeleteFile(path);
        return ValueTask.FromResult(new FtpReply(250, $"Deleted {path.Name}"));
    }
}
