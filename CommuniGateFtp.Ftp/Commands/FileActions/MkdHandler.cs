using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>
/// MKD/XMKD (RFC 959, 775): <c>257 "/abs/path" created</c>, quotes doubled (RFC 959 5.3.1); a directory counts against
/// the files limit (FS-QUOTA-HIT: <c>550 Files limit exceeded</c>).
/// </summary>
[FtpCommand("MKD", "XMKD")]
public sealed class MkdHandler(IStorageUsage usage) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var path = PathArgument.New(context);
        var accountId = context.Session.Account!.Id;
        if (!(await usage.GetAllowanceAsync(accountId, cancellationToken)).AllowsNewFile)
        {
            return new FtpReply(550, "Files limit exceeded");
        }
        context.Session.RequireStorage().CreateDirectory(path);
        await usage.AddAsync(accountId, 0, 1, CancellationToken.None);
        return new FtpReply(257, $"{PathArgument.Quote(path)} created");
    }
}
