namespace CommuniGateFtp.Ftp.Commands;

/// <summary>
/// Serves one verb. Handlers do only the verb's work: the dispatcher has already applied every policy, and the
/// session loop writes the returned reply.
/// </summary>
public interface IFtpCommandHandler
{
    ValueTask<Protocol.FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken);
}
