using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services;

public sealed partial class FtpApiClient
{
    /// <summary>RFC 7396: the media type of a JSON merge patch.</summary>
    private const string MergePatch = "application/merge-patch+json";

    public Task<Tagged<FtpSettingsModel>> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        SendTaggedAsync<FtpSettingsModel>(HttpMethod.Get, "/api/settings/ftp", null, null, cancellationToken);

    /// <summary>
    /// Sends only the members that differ between <paramref name="original"/> and <paramref name="edited"/>, on the
    /// version read (<c>If-Match</c>): a 412 means another administrator saved first.
    /// </summary>
    public Task<Tagged<FtpSettingsModel>> PatchSettingsAsync(FtpSettingsModel original, FtpSettingsModel edited, string? etag,
        CancellationToken cancellationToken = default)
    {
        var content = new StringContent(SettingsPatch.Between(original, edited).ToJsonString());
        content.Headers.ContentType = new MediaTypeHeaderValue(MergePatch);
        return SendTaggedAsync<FtpSettingsModel>(HttpMethod.Patch, "/api/settings/ftp", content, etag, cancellationToken);
    }
}
