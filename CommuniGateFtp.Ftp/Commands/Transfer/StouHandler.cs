using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>STOU (RFC 959, RFC 1123 4.1.2.9): stores under a name unique in the current directory: <c>150 FILE: name</c>.</summary>
[FtpCommand("STOU")]
public sealed class StouHandler(UploadBody uploads) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        RestartMarker.Take(session); // ignored: a new file starts at its beginning
        var baseName = context.Command.HasArgument ? context.Command.Argument.Trim() : "ftp";
        if (!VirtualPath.IsValidName(baseName) || baseName.Length > 200)
        {
            throw StorageException.InvalidName();
        }
        var files = session.RequireFiles();
        var directory = await files.LocateAsync(session.CurrentDirectory, cancellationToken);
        if (directory.Inner.IsRoot && baseName.StartsWith('~'))
        {
            throw StorageException.InvalidName(); // FS-NAME: it would read as an account reference
        }
        directory.Area.RequireDirectory(directory.Inner);
        var name = UniqueName.In(directory, baseName) ?? throw new StorageException(553, "No unique name available");
        var location = await files.DemandAsync(directory.Path.Append(name), StorageAccess.Insert, cancellationToken);
        // Another upload may take the name between the choice and the gate: then it is no longer unique.
        return await uploads.StartAsync(context, "STOU", location, existing => existing is null
            ? new UploadPlan(UploadTarget.New(location), $"FILE: {name}")
            : throw new StorageException(553, "No unique name available"), cancellationToken);
    }
}
