using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Commands;

/// <summary>
/// Applies every cross-cutting policy once — known verb, login state (SES-STATE), argument encoding and presence, the
/// security rules (<see cref="SecurityPolicy"/>) — and opens one span and
/// writes one log line per command; then calls the verb's handler. Handlers never re-check policy.
/// </summary>
public sealed class FtpCommandDispatcher(CommandRegistry registry, LiveSettings settings,
    FtpLogBook log, ILogger<FtpCommandDispatcher> logger)
{
    public async ValueTask<FtpReply> DispatchAsync(FtpSession session, FtpCommand command, CancellationToken cancellationToken)
    {
        using var activity = FtpTelemetry.StartCommand(session, command);
        var renaming = session.PendingRename;

        FtpReply reply;
        try
        {
            reply = await DecideAsync(session, command, cancellationToken);
        }
        catch (DatabaseUnavailableException)
        {
            // Issue 17: a login cannot finish without the database, so the client is told at once to come back later;
            // a logged-in session keeps its connection (transfers and directory commands on its own files still work).
            reply = session.IsLoggedIn
                ? new FtpReply(ReplyCode.LocalError, "Local error in processing: the database is unavailable, try again later")
                : new FtpReply(ReplyCode.ServiceNotAvailable, "Service not available, closing control connection", closeConnection: true);
        }
        catch (Exception ex) when (ex is StorageException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            // FS-ERRORS: storage failures answer in one place, with one mapping.
            var (code, text) = StorageErrors.ToReply(ex);
            reply = new FtpReply(code, text);
        }
        if (command.Verb != "RNFR")
        {
            session.PendingRename = null; // RFC 959: RNTO must follow RNFR at once
        }

        FtpTelemetry.CommandEnded(activity, session, reply);
        FtpTelemetry.Commands.Add(1, new("ftp.command", command.Verb), new("ftp.reply.code", reply.Code));
        logger.CommandServed(session.Id, session.Client, command.ToLogString(), reply.Code);
        if (log.IsEnabled(CgpLogLevel.LowLevel))
        {
            log.Write(CgpLogLevel.LowLevel, session.Id, session.Client, $"{command.ToLogString()} -> {(reply.IsDeferred ? 150 : reply.Code)}");
        }
        LogOutcome(session, command, reply, renaming);
        return reply;
    }

    // LOG-CONTENT: file changes at Major; refused sequences, quota hits and storage errors at Problems.
    private void LogOutcome(FtpSession session, FtpCommand command, FtpReply reply, VirtualPath? renaming)
    {
        if (reply.Code is >= 200 and < 300 && KnownVerbs.ChangeFiles.Contains(command.Verb))
        {
            log.Write(CgpLogLevel.Major, session.Id, session.Client,
                command.Verb == "RNTO" ? $"renamed {renaming} to {command.Argument}" : $"{command.Verb} {command.Argument}");
        }
        else if (reply.Code is 503 or 552 or 451 or 452 || reply.Lines[^1] == QuotaLimits.FilesLimitExceeded)
        {
            log.Write(CgpLogLevel.Problems, session.Id, session.Client, $"{command.ToLogString()} refused: {reply}");
        }
    }

    private ValueTask<FtpReply> DecideAsync(FtpSession session, FtpCommand command, CancellationToken cancellationToken)
    {
        if (SecurityPolicy.CheckProtection(session) is { } unprotected)
        {
            return ValueTask.FromResult(unprotected);
        }
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
        if (session.EpsvAll && KnownVerbs.LockedOutByEpsvAll.Contains(command.Verb))
        {
            // RFC 2428 4: after EPSV ALL only EPSV prepares data connections (503: chosen code).
            return ValueTask.FromResult(new FtpReply(ReplyCode.BadSequence, "EPSV ALL in effect"));
        }
        if (!settings.Current.PassiveMode && KnownVerbs.Passive.Contains(command.Verb)
            && !(command.Verb == "EPSV" && command.Argument.Trim().Equals("ALL", StringComparison.OrdinalIgnoreCase)))
        {
            return ValueTask.FromResult(new FtpReply(ReplyCode.NotImplemented, "Passive mode disabled")); // SET-PASSIVE
        }
        if (command.ArgumentIsInvalid)
        {
            // LIM-ENCODING
            return ValueTask.FromResult(new FtpReply(ReplyCode.ArgumentSyntaxError, "Invalid characters in argument"));
        }
        if (entry.Metadata.ArgumentRequired && string.IsNullOrWhiteSpace(command.Argument))
        {
            // RFC 959 4.2: a missing required argument is a syntax error in the arguments, not a refused name (553).
            return ValueTask.FromResult(new FtpReply(ReplyCode.ArgumentSyntaxError, $"{command.Verb} needs an argument"));
        }
        if (SecurityPolicy.Check(session, command, settings.Current) is { } refusal)
        {
            return ValueTask.FromResult(refusal);
        }
        return entry.Handler.HandleAsync(new FtpCommandContext(session, command), cancellationToken);
    }
}
