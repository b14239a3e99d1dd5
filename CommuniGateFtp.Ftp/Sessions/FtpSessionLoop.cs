using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Commands;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Security.Gssapi;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// Runs one control connection over a duplex pipe: greeting, then line → command → dispatcher → reply until QUIT,
/// a closing reply, a timeout, the peer leaving or the server stopping. Knows nothing of sockets.
/// </summary>
public sealed class FtpSessionLoop(FtpCommandDispatcher dispatcher, SessionRegistry registry, IOptionsMonitor<FtpOptions> options,
    TlsHandshake tls, FtpLogBook log, LiveSettings live, TemporaryBlacklist blacklist, TimeProvider time, ILogger<FtpSessionLoop> logger)
{
    /// <param name="implicitTls">TLS-IMPLICIT: the handshake comes before the greeting, and data is private from the start.</param>
    /// <param name="login">The listener's count of connections not logged in, told when the login completes.</param>
    public async Task RunAsync(IDuplexPipe transport, EndPoint? remote, EndPoint? local, CancellationToken stopping, bool implicitTls = false,
        ILoginCompletionFeature? login = null)
    {
        var session = registry.Open(remote, local);
        session.Replies = new ReplyChannel(transport.Output, sent =>
        {
            var reply = sent.ToLoggable(); // LOG-MASK: no ADAT token in a log or a live view
            if (session.Activity.IsWatched)
            {
                session.Activity.ReplySent(reply, time.GetUtcNow());
            }
            if (log.IsEnabled(CgpLogLevel.AllInfo))
            {
                log.Write(CgpLogLevel.AllInfo, session.Id, session.Client, "-> " + string.Join(" | ", reply.Lines.Select((l, i) => i == 0 ? $"{reply.Code} {l}" : l)));
            }
        }, session.Security);
        // Each command is a trace of its own (FtpCommandDispatcher), tagged with this session's id: a span as long as
        // the session would be seen only when the session ends, hours later maybe, and would be held all that time.
        Activity.Current = null;
        FtpTelemetry.Sessions.Add(1);
        FtpTelemetry.ActiveSessions.Add(1);
        try
        {
            var settings = options.CurrentValue;
            var control = new ControlConnection(transport, time);
            if (implicitTls && !await control.StartTlsAsync(session, tls, live.Current.LoginTimeout, log, stopping, implicitTls: true))
            {
                return;
            }
            await session.Replies.SendAsync(new FtpReply(ReplyCode.ServiceReady, $"{HostName(settings)} CommuniGateFtp ready"), stopping);
            try
            {
                await ServeCommandsAsync(session, control, login, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // RFC 959 421, sent while TLS (if any) is still up, after a running transfer's own 426; the outer handler
                // covers the greeting phase.
                await EndTransferAsync(session);
                await TrySendAsync(session, new FtpReply(ReplyCode.ServiceNotAvailable, "Service closing control connection"));
            }
            finally
            {
                await control.DisposeAsync();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await TrySendAsync(session, new FtpReply(ReplyCode.ServiceNotAvailable, "Service closing control connection"));
        }
        catch (IOException)
        {
            // The peer went away: nothing to answer.
        }
        catch (Exception ex)
        {
            // LIM-ROBUST: one broken session never takes the server down.
            logger.SessionFailed(session.Id, session.Client, ex);
            await TrySendAsync(session, new FtpReply(ReplyCode.ServiceNotAvailable, "Internal error, closing control connection"));
        }
        finally
        {
            registry.Close(session);
            await EndSessionAsync(session);
            session.Security.Dispose();
            FtpTelemetry.ActiveSessions.Add(-1);
            logger.SessionClosed(session.Id, session.Client, time.GetUtcNow() - session.ConnectedAt);
            log.Write(CgpLogLevel.Major, session.Id, session.Client, $"disconnected after {time.GetUtcNow() - session.ConnectedAt:hh\\:mm\\:ss}");
            await transport.Input.CompleteAsync();
            await transport.Output.CompleteAsync();
        }
    }

    private async Task ServeCommandsAsync(FtpSession session, ControlConnection control, ILoginCompletionFeature? login, CancellationToken stopping)
    {
        var settings = options.CurrentValue;
        var lines = new FtpLineReader(settings.MaxLineLength);
        var transport = control.Pipe;
        var data = new ArrayBufferWriter<byte>(256);
        var refusals = new ArrayBufferWriter<byte>(16);
        var commandSeen = false;
        while (true)
        {
            // SES-IDLE: the login must finish in LoginTimeout (and SEC-DOS: the first command come within
            // FirstCommandTimeout); afterwards each command must come within IdleTimeout.
            // A running transfer is activity: when the clock runs out during one, it starts again.
            var current = live.Current;
            if (session.IsLoggedIn)
            {
                login?.LoginCompleted(); // SEC-DOS: logged-in sessions no longer count toward the per-address limit
            }
            var limit = session.IsLoggedIn ? current.IdleTimeout : LoginTimeLeft(session, current, commandSeen);
            using var timeout = new Deadline(time, limit, stopping, session.DisconnectToken);
            ReadResult read;
            try
            {
                read = await transport.Input.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                if (session.DisconnectToken.IsCancellationRequested)
                {
                    if (session.CurrentTransfer is { } aborted)
                    {
                        // The transfer Disconnect aborted closes its data connection first and leaves its reply to this 421.
                        await aborted.Completion.WaitAsync(TimeSpan.FromSeconds(10), time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                    await session.Replies.SendAsync(new FtpReply(ReplyCode.ServiceNotAvailable, "Disconnected by the administrator"), stopping);
                    return;
                }
                if (session.CurrentTransfer is not null)
                {
                    continue;
                }
                log.Write(CgpLogLevel.Problems, session.Id, session.Client, "timed out");
                if (!session.IsLoggedIn && session.ClientAddress is { } address)
                {
                    // A connection that holds a channel without logging in is a flood: an offence.
                    _ = blacklist.ReportAsync(address, commandSeen ? "no login within the login timeout" : "no command within the first-command timeout");
                }
                await session.Replies.SendAsync(new FtpReply(ReplyCode.ServiceNotAvailable, "Timeout, closing control connection"), stopping);
                return;
            }

            var buffer = read.Buffer;
            var change = ControlSwitch.None;
            try
            {
                while (true)
                {
                    var status = lines.TryReadLine(ref buffer, out var line);
                    if (status == LineReadStatus.NeedMoreData)
                    {
                        break;
                    }
                    commandSeen = true;
                    var reply = status == LineReadStatus.LineTooLong
                        ? new FtpReply(ReplyCode.SyntaxError, "Command line too long")
                        : await ServeLineAsync(session, line, data, refusals, stopping);
                    if (!reply.IsDeferred)
                    {
                        await session.Replies.SendAsync(reply, stopping);
                    }
                    registry.Changed(session); // the sessions feed: free when nobody follows
                    if (reply.CloseConnection)
                    {
                        return;
                    }
                    change = session.Security.TakeSwitch();
                    if (change != ControlSwitch.None)
                    {
                        break; // at the command boundary: what follows belongs to the new layer
                    }
                }
            }
            finally
            {
                // Bytes after AUTH belong to TLS: leave them unexamined so the handshake reads them first.
                transport.Input.AdvanceTo(buffer.Start, change != ControlSwitch.None ? buffer.Start : buffer.End);
            }
            if (change != ControlSwitch.None)
            {
                var switched = change == ControlSwitch.StopTls
                    ? await control.StopTlsAsync(session, live.Current.LoginTimeout, stopping)
                    : await control.StartTlsAsync(session, tls, live.Current.LoginTimeout, log, stopping);
                if (!switched)
                {
                    return;
                }
                transport = control.Pipe;
                lines = new FtpLineReader(settings.MaxLineLength);
                registry.Changed(session);
                continue;
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                return;
            }
        }
    }

    private async ValueTask<FtpReply> ServeLineAsync(FtpSession session, ReadOnlySequence<byte> line,
        ArrayBufferWriter<byte> data, ArrayBufferWriter<byte> refusals, CancellationToken stopping)
    {
        session.Security.CommandProtection = DataProtectionLevel.Clear; // until a MIC or ENC line says otherwise
        data.ResetWrittenCount();
        refusals.ResetWrittenCount();
        TelnetFilter.Filter(line, data, refusals);
        if (refusals.WrittenCount > 0)
        {
            await session.Replies.SendRawAsync(refusals.WrittenMemory, stopping);
        }
        if (data.WrittenCount == 0 && refusals.WrittenCount > 0)
        {
            return new FtpReply(ReplyCode.SyntaxError, "Telnet options refused");
        }
        if (!FtpCommandParser.TryParse(data.WrittenSpan, out var command))
        {
            if (session.Activity.IsWatched)
            {
                session.Activity.Protocol.Append(new ProtocolLine(time.GetUtcNow(), $"({data.WrittenCount} bytes that are not a command)", null));
            }
            log.Write(CgpLogLevel.AllInfo, session.Id, session.Client, $"<- ({data.WrittenCount} bytes that are not a command)");
            return new FtpReply(ReplyCode.SyntaxError, "Unknown command");
        }
        Received(session, command);
        if (ControlProtection.IsProtectedCommand(command.Verb))
        {
            // GSS-CMD: the protected command is unwrapped before it is parsed; its reply is protected alike.
            var (inner, refusal) = ControlProtection.Open(session.Security, command, data);
            if (refusal is not null)
            {
                log.Write(CgpLogLevel.Problems, session.Id, session.Client, $"{command.ToLogString()} refused: {refusal}");
                return refusal;
            }
            command = inner!;
            Received(session, command);
        }
        return await dispatcher.DispatchAsync(session, command, stopping);
    }

    private void Received(FtpSession session, FtpCommand command)
    {
        session.Activity.CommandReceived(command, time.GetUtcNow()); // builds a protocol line only while someone watches
        if (log.IsEnabled(CgpLogLevel.AllInfo)) // no string is built per command unless someone reads it
        {
            log.Write(CgpLogLevel.AllInfo, session.Id, session.Client, "<- " + command.ToLogString()); // LOG-MASK: never the raw PASS line
        }
    }

    private TimeSpan LoginTimeLeft(FtpSession session, FtpServerSettings current, bool commandSeen)
    {
        var deadline = commandSeen || current.LoginTimeout < current.FirstCommandTimeout ? current.LoginTimeout : current.FirstCommandTimeout;
        return deadline - (time.GetUtcNow() - session.ConnectedAt);
    }

    private async ValueTask TrySendAsync(FtpSession session, FtpReply reply)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await session.Replies.SendAsync(reply, cts.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException or GssapiProtectionException)
        {
        }
    }

    // A transfer still running when the control connection ends is aborted; the pending data channel closed.
    private async Task EndSessionAsync(FtpSession session)
    {
        await EndTransferAsync(session);
        await session.SetDataChannelAsync(null);
    }

    // Aborts a running transfer and waits until it has sent its final reply (426) and cleaned up after itself.
    private async Task EndTransferAsync(FtpSession session)
    {
        if (session.CurrentTransfer is { } transfer)
        {
            transfer.Abort();
            await transfer.Completion.WaitAsync(TimeSpan.FromSeconds(10), time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static string HostName(FtpOptions settings) =>
        string.IsNullOrWhiteSpace(settings.HostName) ? Dns.GetHostName() : settings.HostName;
}
