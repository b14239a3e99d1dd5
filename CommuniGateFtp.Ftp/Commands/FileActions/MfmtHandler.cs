using System.Globalization;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.FileActions;

/// <summary>MFMT (draft-somers-ftp-mfxx): <c>MFMT YYYYMMDDHHMMSS path</c> sets the modification time, UTC.</summary>
[FtpCommand("MFMT", Feature = "MFMT", ArgumentRequired = true)]
public sealed class MfmtHandler : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var argument = context.Command.Argument;
        var space = argument.IndexOf(' ');
        if (space != 14 || !DateTime.TryParseExact(argument[..space], "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return new FtpReply(501, "Syntax: MFMT YYYYMMDDHHMMSS path");
        }
        var pathText = argument[(space + 1)..];
        var item = await context.Session.RequireFiles().DemandAsync(PathArgument.OrCurrent(context, pathText), StorageAccess.Write, cancellationToken);
        item.Area.SetModified(item.Inner, new DateTimeOffset(time, TimeSpan.Zero));
        return new FtpReply(213, $"Modify={argument[..space]}; {pathText}");
    }
}
