using System.Net;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// Prepares data connections for the PASV/EPSV/LPSV and PORT/EPRT/LPRT handlers, with the policy all six share:
/// passive ports from the range, active targets only at the control peer and a port ≥ 1024 (SEC-BOUNCE).
/// </summary>
public sealed class DataChannelFactory(PassivePortPool ports, WanAddressPolicy wan, LiveSettings live, Telemetry.FtpLogBook log,
    Hosting.InlineSocketCompletions inline, ILogger<DataChannelFactory> logger)
{
    /// <summary>
    /// Opens a passive listener in place of any pending channel; <paramref name="reply"/> formats the address to
    /// advertise: the listener's port on the local address, or on the WAN address (SET-WANADDR).
    /// </summary>
    public async ValueTask<FtpReply> PreparePassiveAsync(FtpSession session, Func<IPEndPoint, FtpReply> reply)
    {
        if (session.LocalEndPoint is not IPEndPoint local || session.RemoteEndPoint is not IPEndPoint remote)
        {
            return new FtpReply(425, "Cannot open data connection");
        }
        var replacedPort = (session.DataChannel as IPassiveDataChannel)?.LocalEndPoint.Port;
        await session.SetDataChannelAsync(null);
        var channel = await ports.OpenAsync(local.Address, PassiveDataChannel.Normalize(remote.Address), replacedPort, session.DisconnectToken);
        if (channel is null)
        {
            return new FtpReply(425, "No passive port available");
        }
        await session.SetDataChannelAsync(channel);
        var client = PassiveDataChannel.Normalize(remote.Address);
        return reply(new IPEndPoint(wan.Advertised(channel.LocalEndPoint.Address, client), channel.LocalEndPoint.Port));
    }

    /// <summary>SEC-BOUNCE: the target must be the control peer and a port ≥ 1024; then the channel is prepared.</summary>
    public async ValueTask<FtpReply> PrepareActiveAsync(FtpSession session, IPEndPoint target)
    {
        if (session.RemoteEndPoint is not IPEndPoint remote
            || !PassiveDataChannel.Normalize(target.Address).Equals(PassiveDataChannel.Normalize(remote.Address))
            || target.Port < 1024)
        {
            logger.LogWarning("FTP-{SessionId:000000}({Client}) refused active target {Target} (bounce protection)", session.Id, session.Client, target);
            log.Write(Telemetry.CgpLogLevel.Problems, session.Id, session.Client, $"refused active target {target} (bounce protection)");
            return new FtpReply(504, "Illegal PORT command");
        }
        var current = live.Current;
        var local = session.LocalEndPoint as IPEndPoint;
        var source = new ActiveSource(local?.Address, current.UseFixedActivePort && local is { Port: > 1 } ? local.Port - 1 : 0,
            current.ActivePortMin, current.ActivePortMax);
        // Connect to the address family the control connection uses (IPv4-mapped peers get IPv4).
        var normalized = new IPEndPoint(PassiveDataChannel.Normalize(target.Address), target.Port);
        await session.SetDataChannelAsync(new ActiveDataChannel(normalized, source, inline, problem =>
        {
            logger.LogWarning("FTP-{SessionId:000000}({Client}) {Problem}", session.Id, session.Client, problem);
            log.Write(Telemetry.CgpLogLevel.Problems, session.Id, session.Client, problem);
        }));
        return new FtpReply(200, "PORT command successful");
    }
}
