using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services;

public sealed partial class FtpApiClient
{
    public Task<List<DomainResponse>> GetDomainsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<DomainResponse>>(HttpMethod.Get, "/api/domains", null, cancellationToken);

    public Task<DomainResponse> CreateDomainAsync(DomainRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<DomainResponse>(HttpMethod.Post, "/api/domains", request, cancellationToken);

    public Task<DomainResponse> UpdateDomainAsync(string name, DomainRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<DomainResponse>(HttpMethod.Patch, $"/api/domains/{Escape(name)}", request, cancellationToken);

    public Task<List<GroupResponse>> GetGroupsAsync(string domain, CancellationToken cancellationToken = default) =>
        SendAsync<List<GroupResponse>>(HttpMethod.Get, $"/api/domains/{Escape(domain)}/groups", null, cancellationToken);

    /// <summary>Creates the group or replaces its members.</summary>
    public Task<GroupResponse> PutGroupAsync(string domain, string name, IReadOnlyList<string> members, CancellationToken cancellationToken = default) =>
        SendAsync<GroupResponse>(HttpMethod.Put, $"/api/domains/{Escape(domain)}/groups/{Escape(name)}", new GroupRequest(members), cancellationToken);

    public Task DeleteGroupAsync(string domain, string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"/api/domains/{Escape(domain)}/groups/{Escape(name)}", null, cancellationToken);
}
