using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services;

public sealed partial class FtpApiClient
{
    public Task<FileListResponse> GetFilesAsync(string domain, string name, string path, CancellationToken cancellationToken = default) =>
        SendAsync<FileListResponse>(HttpMethod.Get, $"{AccountPath(domain, name)}/files?path={Escape(path)}", null, cancellationToken);

    public Task<AclResponse> GetAclAsync(string domain, string name, string path, CancellationToken cancellationToken = default) =>
        SendAsync<AclResponse>(HttpMethod.Get, $"{AccountPath(domain, name)}/acl?path={Escape(path)}", null, cancellationToken);

    public Task<AclResponse> SetAclAsync(string domain, string name, string path, IReadOnlyList<AclEntryDto> entries,
        CancellationToken cancellationToken = default) =>
        SendAsync<AclResponse>(HttpMethod.Put, $"{AccountPath(domain, name)}/acl?path={Escape(path)}", new AclRequest(entries), cancellationToken);

    public Task<AccessExplanationResponse> ExplainAsync(string domain, string name, string path, string who, CancellationToken cancellationToken = default) =>
        SendAsync<AccessExplanationResponse>(HttpMethod.Get, $"{AccountPath(domain, name)}/acl/explain?path={Escape(path)}&who={Escape(who)}", null,
            cancellationToken);
}
