using System.Diagnostics;
using System.Diagnostics.Metrics;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>The engine's ActivitySource and Meter, both named <c>CommuniGateFtp.Ftp</c> (registered in ServiceDefaults).</summary>
public static class FtpTelemetry
{
    public const string Name = "CommuniGateFtp.Ftp";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// A command's span, from its line to its reply (to 150 for a transfer): a trace of its own, tagged with its session
    /// (<c>ftp.session.id</c>, <c>client.address</c>, <c>ftp.account</c> once logged in) so that a backend shows each
    /// command as it ends and can still group a session's commands. Null without a listener, the name not even built.
    /// </summary>
    public static Activity? StartCommand(FtpSession session, FtpCommand command)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var activity = Source.StartActivity($"FTP {command.Verb}", ActivityKind.Server);
        activity?.SetTag("ftp.command", command.ToLogString()); // LOG-MASK: PASS and ADAT arguments hidden
        activity?.SetTag("ftp.session.id", session.Id);
        activity?.SetTag("client.address", session.ClientAddress?.ToString());
        return activity;
    }

    /// <summary>Ends <paramref name="activity"/>'s record of a command with its reply and the account (PASS sets it).</summary>
    public static void CommandEnded(Activity? activity, FtpSession session, FtpReply reply)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetTag("ftp.account", session.Account?.Address);
        Replied(activity, reply.IsDeferred ? 150 : reply.Code, reply);
    }

    /// <summary>A transfer's data phase, under the span of the command that started it (which ended at its 150).</summary>
    public static Activity? StartTransfer(FtpSession session, FtpTransfer transfer)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var activity = Source.StartActivity($"FTP {transfer.Command} data");
        activity?.SetTag("ftp.session.id", session.Id);
        activity?.SetTag("ftp.transfer.direction", DirectionTag(transfer));
        activity?.SetTag("ftp.transfer.protection", ProtectionTag(transfer));
        return activity;
    }

    /// <summary>Ends <paramref name="activity"/>'s record with what the transfer moved and its final reply.</summary>
    public static void TransferEnded(Activity? activity, FtpTransfer transfer, FtpReply final)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetTag("ftp.transfer.bytes", transfer.Bytes);
        Replied(activity, final.Code, final);
    }

    // A reply of 400 or more is the span's error.
    private static void Replied(Activity activity, int code, FtpReply reply)
    {
        activity.SetTag("ftp.reply.code", code);
        if (reply.Code >= 400)
        {
            activity.SetStatus(ActivityStatusCode.Error, reply.ToString());
        }
    }

    private static readonly Meter Meter = new(Name);

    public static readonly UpDownCounter<long> ActiveSessions =
        Meter.CreateUpDownCounter<long>("ftp.sessions.active", description: "Open FTP control connections.");

    public static readonly Counter<long> Sessions =
        Meter.CreateCounter<long>("ftp.sessions", description: "FTP control connections accepted.");

    public static readonly Counter<long> Logins =
        Meter.CreateCounter<long>("ftp.logins", description: "FTP login attempts, tagged with their result.");

    public static readonly Counter<long> Commands =
        Meter.CreateCounter<long>("ftp.commands", description: "FTP commands served, tagged with verb and reply code.");

    public static readonly UpDownCounter<long> ActiveTransfers =
        Meter.CreateUpDownCounter<long>("ftp.transfers.active", description: "Data transfers running (files and listings).");

    /// <summary>Counted as the bytes move (each progress tick), so a graph of its rate is the throughput.</summary>
    public static readonly Counter<long> TransferBytes =
        Meter.CreateCounter<long>("ftp.transfer.bytes", unit: "By", description: "Bytes moved over data connections, tagged with direction (send, receive) and protection (clear, private).");

    public static readonly Histogram<double> TransferDuration =
        Meter.CreateHistogram<double>("ftp.transfer.duration", unit: "s", description: "How long data transfers took, tagged with direction and protection.");

    /// <summary>The transfer metrics' and spans' <c>direction</c>: receive or send.</summary>
    public static string DirectionTag(FtpTransfer transfer) => transfer.Direction == TransferDirection.Receive ? "receive" : "send";

    /// <summary>The transfer metrics' and spans' <c>protection</c>: clear, safe, confidential or private (PROT).</summary>
    public static string ProtectionTag(FtpTransfer transfer) => transfer.Protection switch
    {
        Security.DataProtectionLevel.Clear => "clear",
        Security.DataProtectionLevel.Safe => "safe",
        Security.DataProtectionLevel.Confidential => "confidential",
        _ => "private",
    };
}
