using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Blacklist;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>A blocked address as the API shows it, in the list and in every event of its stream.</summary>
public static class BlacklistViews
{
    public static TemporaryBlacklistResponse Of(BlacklistState state) =>
        new(state.Address.ToString(), state.BlockedSince ?? state.WindowStartedAt, state.BlockedUntil!.Value, state.Failures, state.Offences);
}
