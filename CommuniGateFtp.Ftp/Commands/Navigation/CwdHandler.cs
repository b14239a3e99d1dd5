using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Navigation;

/// <summary>CWD/XCWD (RFC 959, 775): changes into an existing directory, another account's too (FS-PATH: <c>CWD ~bob</c>).</summary>
[FtpCommand("CWD", "XCWD", Feature = "TVFS", ArgumentRequired = true)] // RFC 3659 6: one slash-separated namespace
public sealed class CwdHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var directory = await context.Session.RequireFiles().DemandAsync(PathArgument.Existing(context), StorageAccess.Lookup, cancellationToken);
        directory.Area.RequireDirectory(directory.Inner);
        context.Session.CurrentDirectory = directory.Path;
        return new FtpReply(250, $"Directory changed to {directory.Path}");
    }
}
