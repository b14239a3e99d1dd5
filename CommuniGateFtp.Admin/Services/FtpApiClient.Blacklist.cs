namespace CommuniGateFtp.Admin.Services;

public sealed partial class FtpApiClient
{
    /// <summary>Lifts the temporary block of <paramref name="address"/> and forgets its failures and offences.</summary>
    public Task LiftBlacklistAsync(string address, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"/api/blacklist/temporary/{Escape(address)}", null, cancellationToken);
}
