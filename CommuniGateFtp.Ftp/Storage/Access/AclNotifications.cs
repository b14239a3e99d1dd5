using System.Globalization;
using CommuniGateFtp.Ftp.Data;

namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>
/// Keeps <see cref="AclPresence"/> true on this node while other nodes change ACLs: LISTENs on PostgreSQL for the owner
/// whose ACLs changed (payload: the owner's id, or <c>*</c> for many, then the sending node), and forgets everything
/// whenever it starts or resumes listening, since changes made meanwhile were not heard.
/// </summary>
public sealed class AclNotifications(AclPresence presence, IServiceScopeFactory scopes, Telemetry.FtpLogBook log) : BackgroundService
{
    /// <summary>The PostgreSQL channel of ACL changes.</summary>
    public const string Channel = "ftp_acl_changed";

    /// <summary>Every owner's ACLs may have changed.</summary>
    public const string Everyone = "*";

    /// <summary>The payload of a notification: which owner (or <see cref="Everyone"/>), from which node.</summary>
    public static string Payload(string owner, string node) => $"{owner} {node}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DatabaseListener.RunAsync(scopes, log, "other nodes' ACL changes are read from the database meanwhile", [Channel],
            notification => Heard(notification.Payload),
            _ =>
            {
                presence.ForgetAll(); // whatever changed while we were not listening
                return Task.CompletedTask;
            },
            stoppingToken,
            lost: presence.ForgetAll); // nobody hears changes meanwhile: nothing remembered is trusted

    private void Heard(string payload)
    {
        var parts = payload.Split(' ');
        if (parts.Length == 2 && parts[1] == presence.Node)
        {
            return; // our own change: already applied here
        }
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ownerId))
        {
            presence.Forget(ownerId);
        }
        else
        {
            presence.ForgetAll();
        }
    }
}
