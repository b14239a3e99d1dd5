using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// The transfer engine. A transfer command's handler describes its data phase (<see cref="TransferRequest"/>); the
/// engine runs it beside the command loop, so ABOR, STAT and NOOP are served meanwhile (LIM-CONCURRENT): it opens the
/// data connection in DATA-ORDER, applies the session's protection, lets <see cref="DataPhase"/> pick how the bytes
/// move, reports progress (<see cref="TransferTracker"/>), and answers 226, 425, 426, 451 or 452.
/// </summary>
public sealed class TransferEngine(LiveSettings live, DataChannelProtection protection, DataPhase phase, FtpLogBook log, TransferTracker tracker,
    TimeProvider time, ILogger<TransferEngine> logger)
{
    /// <summary>
    /// Starts <paramref name="request"/> on the session's prepared data channel: <see cref="FtpReply.Deferred"/> (the
    /// engine answers), or at once <c>450</c> while another transfer runs and <c>425</c> without a data channel (the
    /// content's <see cref="TransferContent.FinishAsync"/> then runs as for a failed transfer).
    /// </summary>
    public FtpReply Start(FtpSession session, TransferRequest request, CancellationToken stopping)
    {
        var content = request.Content;
        var refusal = session.CurrentTransfer is not null ? new FtpReply(450, "A transfer is already in progress") : null;
        var channel = refusal is null ? session.TakeDataChannel() : null;
        if (refusal is not null || channel is null)
        {
            _ = content.FinishAsync(false);
            return refusal ?? new FtpReply(425, "Use PORT or PASV first");
        }
        var transfer = new FtpTransfer(request.Command, request.Path, content.Direction, time, content.Size, session.Security.DataProtection);
        session.CurrentTransfer = transfer;
        tracker.Started(session, transfer);
        _ = RunAsync(session, channel, transfer, request, stopping);
        return FtpReply.Deferred;
    }

    private async Task RunAsync(FtpSession session, IDataChannel channel, FtpTransfer transfer, TransferRequest request, CancellationToken stopping)
    {
        using var span = FtpTelemetry.StartTransfer(session, transfer);
        var settings = live.Current;
        var succeeded = false;
        string? cause = null;
        FtpReply final;
        await using (channel)
        {
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, transfer.AbortToken);
                var opening = new FtpReply(150, request.OpeningText);
                if (channel.IsPassive)
                {
                    await session.Replies.SendAsync(opening, stopping);
                }
                var stream = await OpenAsync(channel, settings.DataConnectTimeout, linked.Token);
                if (stream is not null && !channel.IsPassive)
                {
                    await session.Replies.SendAsync(opening, stopping); // active: 150 once connected, before any TLS
                }
                if (stream is System.Net.Sockets.NetworkStream { Socket: var socket })
                {
                    log.Write(CgpLogLevel.LowLevel, session.Id, session.Client,
                        $"data connection {socket.LocalEndPoint} <-> {socket.RemoteEndPoint} opened for {transfer.Command}");
                }
                if (stream is not null)
                {
                    // The protection variant is chosen here, once (TLS-DATA: a failed handshake gets 425).
                    stream = await protection.ProtectAsync(session, stream, transfer.Direction == TransferDirection.Receive, settings.DataConnectTimeout, linked.Token);
                }
                if (stream is null)
                {
                    final = new FtpReply(425, "Cannot open data connection");
                }
                else
                {
                    await using (stream)
                    {
                        await phase.RunAsync(request.Content, stream, transfer, settings.DataStallTimeout, linked.Token);
                        await stream.FlushAsync(linked.Token);
                        await DataChannelProtection.FinishAsync(stream, linked.Token);
                    }
                    succeeded = true;
                    final = new FtpReply(226, "Transfer complete");
                }
            }
            catch (OperationCanceledException) when (transfer.AbortRequested || stopping.IsCancellationRequested)
            {
                final = new FtpReply(426, "Transfer aborted");
            }
            catch (OperationCanceledException)
            {
                final = new FtpReply(426, "Data connection stalled, transfer aborted");
            }
            catch (DataConnectionException ex)
            {
                cause = ex.InnerException?.Message ?? ex.Message; // reported once, with the outcome
                final = new FtpReply(426, "Data connection closed, transfer aborted");
            }
            catch (Security.Gssapi.GssapiProtectionException ex)
            {
                cause = ex.Message;
                final = new FtpReply(535, "Protected data failed its integrity check, transfer aborted"); // GSS-PROT
            }
            catch (Exception ex)
            {
                var (code, text) = StorageErrors.ToReply(ex);
                logger.LogWarning(ex, "FTP-{SessionId:000000}({Client}) {Command} {Path} failed", session.Id, session.Client, transfer.Command, transfer.Path);
                final = new FtpReply(code, text);
            }
        }
        LogOutcome(session, transfer, succeeded, cause is null ? final.ToString() : $"{final} ({cause})");
        FtpTelemetry.TransferEnded(span, transfer, final);
        try
        {
            try
            {
                await request.Content.FinishAsync(succeeded);
            }
            finally
            {
                session.CurrentTransfer = null;
                tracker.Finished(session, transfer, final.Code);
            }
            // ADM-LIVE: a session the administrator disconnects answers 421 in place of its transfer's reply (RFC 959
            // allows 421 as the reply to any command), so the client learns why the data stopped.
            if (!session.DisconnectToken.IsCancellationRequested)
            {
                await session.Replies.SendAsync(final, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException or Security.Gssapi.GssapiProtectionException)
        {
            // The control connection is gone too.
        }
        finally
        {
            transfer.MarkCompleted();
            transfer.Dispose();
        }
    }

    // LOG-CONTENT: uploads are file changes (Major), downloads data-connection details (Low-Level), failures Problems.
    private void LogOutcome(FtpSession session, FtpTransfer transfer, bool succeeded, string outcome)
    {
        var receiving = transfer.Direction == TransferDirection.Receive;
        var level = !succeeded ? (transfer.AbortRequested ? CgpLogLevel.LowLevel : CgpLogLevel.Problems) : receiving ? CgpLogLevel.Major : CgpLogLevel.LowLevel;
        log.Write(level, session.Id, session.Client, succeeded
            ? $"{transfer.Command} {transfer.Path}: {transfer.Bytes} bytes {(receiving ? "received" : "sent")}"
            : $"{transfer.Command} {transfer.Path} ended after {transfer.Bytes} bytes: {outcome}");
    }

    private async Task<Stream?> OpenAsync(IDataChannel channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var connect = new Deadline(time, timeout, cancellationToken);
        try
        {
            return await channel.OpenAsync(connect.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // DATA-ORDER: timed out
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null;
        }
    }
}
