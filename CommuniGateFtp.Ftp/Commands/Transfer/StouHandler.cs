using System.Globalization;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>STOU (RFC 959, RFC 1123 4.1.2.9): stores under a name unique in the current directory: <c>150 FILE: name</c>.</summary>
[FtpCommand("STOU")]
public sealed class StouHandler(TransferRunner transfers, UploadBody uploads) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        session.TakeRestartOffset();
        var storage = session.RequireStorage();
        var directory = session.CurrentDirectory;
        storage.RequireDirectory(directory);
        var baseName = context.Command.HasArgument ? context.Command.Argument.Trim() : "ftp";
        if (!VirtualPath.IsValidName(baseName) || baseName.Length > 200)
        {
            throw StorageException.InvalidName();
        }
        var name = Enumerable.Range(0, 10_000)
            .Select(i => i == 0 ? baseName : string.Create(CultureInfo.InvariantCulture, $"{baseName}.{i}"))
            .FirstOrDefault(candidate => storage.Find(directory.Append(candidate)) is null && !Path.Exists(storage.FullPath(directory.Append(candidate))))
            ?? throw new StorageException(553, "No unique name available");
        var path = directory.Append(name);
        var target = UploadTarget.New(storage.FullPath(path));
        var (refusal, allowance) = await uploads.CheckAsync(session, target, cancellationToken);
        return refusal ?? transfers.Start(session, "STOU", path.ToString(), TransferDirection.Receive, $"FILE: {name}",
                uploads.For(session, target, session.TransferType == TransferType.Ascii, allowance), cancellationToken);
    }
}
