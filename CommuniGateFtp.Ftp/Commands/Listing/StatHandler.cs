using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>
/// STAT (RFC 959): without an argument the session's status (also during a transfer, and before login); with a path,
/// its LIST lines on the control connection.
/// </summary>
[FtpCommand("STAT")]
public sealed class StatHandler(TimeProvider time) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (!context.Command.HasArgument)
        {
            return new FtpReply(211, Status(session));
        }
        if (!session.IsLoggedIn)
        {
            return new FtpReply(530, "Please log in with USER and PASS");
        }
        var files = session.RequireFiles();
        var target = await files.DemandAsync(PathArgument.OrCurrent(context, ListArguments.PathOf(context.Command.Argument)),
            StorageAccess.Lookup, cancellationToken);
        var now = time.GetUtcNow();
        var lines = (await files.EntriesAtAsync(target, cancellationToken)).Select(e => LsFormatter.Format(e, now));
        return new FtpReply(213, [$"Status of {target.Path}:", .. lines, "End"]);
    }

    private static string ControlText(SessionSecurity security) =>
        security.Tls is not null ? $"TLS (AUTH {security.AuthName ?? "implicit"})"
        : security.Principal is { } principal ? $"GSSAPI ({principal})"
        : "clear";

    private List<string> Status(FtpSession session)
    {
        var lines = new List<string>
        {
            "CommuniGateFtp status:",
            $"Connected from {session.Client}",
            session.Account is { } account ? $"Logged in as {account.Address}" : "Not logged in",
            $"TYPE: {(session.TransferType == TransferType.Ascii ? "ASCII" : "BINARY")}, STRUcture: File, MODE: Stream",
            $"Control connection: {ControlText(session.Security)}; data protection: {session.Security.DataProtection.ToString().ToLowerInvariant()}",
        };
        if (session.CurrentTransfer is { } transfer)
        {
            lines.Add($"{transfer.Command} {transfer.Path}: {transfer.Bytes} bytes, {transfer.Rate(time.GetUtcNow()):F0} bytes/s");
        }
        lines.Add("End of status");
        return lines;
    }
}
