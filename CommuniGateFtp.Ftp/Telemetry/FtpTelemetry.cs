using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>The engine's ActivitySource and Meter, both named <c>CommuniGateFtp.Ftp</c> (registered in ServiceDefaults).</summary>
public static class FtpTelemetry
{
    public const string Name = "CommuniGateFtp.Ftp";

    public static readonly ActivitySource Source = new(Name);

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
}
