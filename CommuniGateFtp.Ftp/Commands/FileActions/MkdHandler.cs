using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>MKD/XMKD (RFC 959, 775): <c>257 "/abs/path" created</c>, quotes doubled (RFC 959 5.3.1).</summary>
[FtpCommand("MKD", "XMKD")]
public sealed class MkdHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.New(context);
        context.Session.RequireStorage().CreateDirectory(path);
        return ValueTask.FromResult(new FtpReply(257, $"{PathArgument.Quote(path)} created"));
    }
}
