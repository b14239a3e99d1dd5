using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Navigation;

/// <summary>CWD/XCWD (RFC 959, 775): changes into an existing directory.</summary>
[FtpCommand("CWD", "XCWD", Feature = "TVFS")] // RFC 3659 6: one slash-separated namespace
public sealed class CwdHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        if (!context.Command.HasArgument)
        {
            return ValueTask.FromResult(new FtpReply(501, "CWD needs a directory"));
        }
        var path = PathArgument.Existing(context);
        context.Session.RequireStorage().RequireDirectory(path);
        context.Session.CurrentDirectory = path;
        return ValueTask.FromResult(new FtpReply(250, $"Directory changed to {path}"));
    }
}
