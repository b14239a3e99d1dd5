using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// Turns the engine's live objects into the API's contract records, for the routes and their streams alike: one
/// mapping, so a session looks the same in <c>GET /api/sessions</c> and in every event about it.
/// </summary>
public sealed class SessionViews(IOptions<FtpOptions> options, TimeProvider time)
{
    public string Node { get; } = options.Value.Node;

    public SessionResponse Of(FtpSession s)
    {
        var now = time.GetUtcNow();
        var transfer = s.CurrentTransfer;
        var activity = s.Activity;
        var security = s.Security;
        var running = transfer?.Bytes ?? 0;
        var lastActivity = transfer is null ? activity.LastActivityAt : now; // a running transfer is activity (SES-IDLE)
        return new SessionResponse(
            s.Id, s.Client, s.Account?.Address, s.ConnectedAt, s.State.ToString(), s.CurrentDirectory.ToString(), security.Tls is not null,
            security.DataProtection != DataProtectionLevel.Clear, activity.LastCommand?.ToLogString(), // LOG-MASK: PASS ***, never its argument
            transfer is null ? null : Of(transfer, now),
            Node, s.Listener, s.LoginMethod?.ToString(), security.Tls is { } tls ? new TlsResponse(tls.Protocol, tls.Cipher) : null,
            security.DataProtection.ToString(), lastActivity, Math.Max((now - lastActivity).TotalSeconds, 0),
            activity.BytesIn + (transfer?.Direction == TransferDirection.Receive ? running : 0),
            activity.BytesOut + (transfer?.Direction == TransferDirection.Send ? running : 0),
            security.Principal, security.Mechanism.ToString());
    }

    public FinishedTransferResponse Of(FinishedTransfer t) => new(Node, t.SessionId, t.Account, t.Client, t.Command, t.Path,
        t.Direction.ToString(), t.Bytes, t.StartedAt, t.FinishedAt, (t.FinishedAt - t.StartedAt).TotalSeconds, t.ReplyCode);

    public ProtocolLineResponse Of(long sessionId, ProtocolLine line) => line.Reply is { } reply
        ? new ProtocolLineResponse(line.Time, sessionId, reply.ToString(), reply.Code, reply.Lines)
        : new ProtocolLineResponse(line.Time, sessionId, line.Command ?? "", null, null);

    private static TransferResponse Of(FtpTransfer t, DateTimeOffset now) =>
        new(t.Command, t.Path, t.Direction.ToString(), t.Bytes, t.Rate(now), t.StartedAt, t.Size, t.SecondsLeft(now));
}
