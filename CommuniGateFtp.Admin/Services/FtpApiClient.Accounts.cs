using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services;

public sealed partial class FtpApiClient
{
    /// <summary>Every account (the unpaged list, for pickers and counts).</summary>
    public Task<List<AccountResponse>> GetAccountsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<List<AccountResponse>>(HttpMethod.Get, "/api/accounts", null, cancellationToken);

    /// <summary>One page of the accounts whose <c>name@domain</c> contains <paramref name="search"/>.</summary>
    public Task<AccountPage> SearchAccountsAsync(string? search, int skip, int take, CancellationToken cancellationToken = default) =>
        SendAsync<AccountPage>(HttpMethod.Get, $"/api/accounts?search={Escape(search ?? "")}&skip={skip}&take={take}", null, cancellationToken);

    public Task<AccountResponse> CreateAccountAsync(AccountRequest change, CancellationToken cancellationToken = default) =>
        SendAsync<AccountResponse>(HttpMethod.Post, "/api/accounts", change, cancellationToken);

    /// <summary>PATCH: the members sent change, null ones keep their value.</summary>
    public Task<AccountResponse> UpdateAccountAsync(string domain, string name, AccountRequest change, CancellationToken cancellationToken = default) =>
        SendAsync<AccountResponse>(HttpMethod.Patch, AccountPath(domain, name), change, cancellationToken);

    public Task DeleteAccountAsync(string domain, string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, AccountPath(domain, name), null, cancellationToken);

    private static string AccountPath(string domain, string name) => $"/api/accounts/{Escape(domain)}/{Escape(name)}";
}
