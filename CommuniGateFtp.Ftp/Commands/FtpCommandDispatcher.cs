using System.Diagnostics;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Commands;

/// <summary>
/// Applies every cross-cutting policy once — known verb, login state (SES-STATE), argument encoding — and opens one span and
/// writes one log line per command; then calls the verb's handler. Handlers never re-check policy.
/// </summary>
public sealed class FtpCommandDispatcher(CommandRegistry registry, ILogger<FtpCommandDispatcher> logger)
{
    public async ValueTask<FtpReply> DispatchAsync(FtpSession session, FtpCommand command, CancellationToken cancellationToken)
    {
        using var activity = FtpTelemetry.Source.StartActivity($"FTP {command.Verb}");
        activity?.SetTag("ftp.command", command.ToLogString());
        session.LastCommand = command.Verb;

        var reply = await DecideAsync(session, command, cancellationToken);

        activity?.SetTag("ftp.reply.code", reply.Code);
        if (reply.Code >= 400)
        {
            activity?.SetStatus(ActivityStatusCode.Error, reply.ToString());
        }
        FtpTelemetry.Commands.Add(1, new("ftp.command", command.Verb), new("ftp.reply.code", reply.Code));
        logger.CommandServed(session.Id, session.Client, command.ToLogString(), reply.Code);
        return reply;
    }

    private ValueTask<FtpReply> DecideAsync(FtpSession session, FtpCommand command, CancellationToken cancellationToken)
    {
        if (!KnownVerbs.All.Contains(command.Verb))
        {
            return ValueTask.FromResult(new FtpReply(ReplyCode.SyntaxError, "Unknown command"));
        }
        if (!session.IsLoggedIn && !KnownVerbs.AllowedBeforeLogin.Contains(command.Verb))
        {
            // SES-STATE
            return ValueTask.FromResult(new FtpReply(ReplyCode.NotLoggedIn, "Please log in with USER and PASS"));
        }
        if (!registry.TryGet(command.Verb, out var entry))
        {
            return ValueTask.FromResult(new FtpReply(ReplyCode.NotImplemented, $"{command.Verb} not implemented"));
        }
        if (command.ArgumentIsInvalid)
        {
            // LIM-ENCODING
            return ValueTask.FromResult(new FtpReply(ReplyCode.ArgumentSyntaxError, "Invalid characters in argument"));
        }
        return entry.Handler.HandleAsync(new FtpCommandContext(session, command), cancellationToken);
    }
}
