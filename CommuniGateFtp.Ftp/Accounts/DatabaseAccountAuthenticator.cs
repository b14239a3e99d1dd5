using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>Authenticates against the accounts in PostgreSQL.</summary>
public sealed class DatabaseAccountAuthenticator(SessionDatabase database, PasswordHashing passwords) : IAccountAuthenticator
{
    // Verified when the account does not exist, so that unknown names cost as much as wrong passwords (SEC-NOENUM).
    private readonly Lazy<string> _decoyHash = new(() => passwords.Hash(Guid.NewGuid().ToString()));

    public Task<string?> DomainOwningAsync(System.Net.IPAddress localAddress, CancellationToken cancellationToken)
    {
        var address = DomainAddress.Normalize(localAddress);
        return database.RunAsync((db, ct) => db.Domains
            .Where(d => d.LocalIps.Contains(address)).Select(d => d.Name).FirstOrDefaultAsync(ct), cancellationToken);
    }

    public Task<bool> DomainServesAsync(string domain, CancellationToken cancellationToken) =>
        database.RunAsync((db, ct) => db.Domains.AnyAsync(d => d.Name == domain && d.Enabled, ct), cancellationToken);

    public async Task<AuthenticatedAccount?> AnonymousAsync(string? domain, CancellationToken cancellationToken)
    {
        var name = await database.RunAsync((db, ct) => db.Domains.Where(d => d.Enabled && (domain == null ? d.IsMain : d.Name == domain))
            .Select(d => d.Name).FirstOrDefaultAsync(ct), cancellationToken);
        return name is null ? null : AuthenticatedAccount.Anonymous(name);
    }

    public async Task<LoginResult> AuthorizeAsync(LoginName login, string service, CancellationToken cancellationToken) =>
        await FindAsync(login, cancellationToken) is { } account ? Admit(account, service) : LoginResult.Fail(LoginFailure.UnknownAccount);

    public async Task<LoginResult> AuthenticateAsync(LoginName login, string password, string? service, CancellationToken cancellationToken)
    {
        var account = await FindAsync(login, cancellationToken);
        var check = passwords.Verify(account?.PasswordHash ?? _decoyHash.Value, password);
        if (account is null)
        {
            return LoginResult.Fail(LoginFailure.UnknownAccount);
        }
        if (check == PasswordCheck.Invalid)
        {
            return LoginResult.Fail(LoginFailure.BadPassword);
        }
        var admitted = Admit(account, service);
        if (admitted.Succeeded && check == PasswordCheck.ValidRehashNeeded)
        {
            var rehashed = passwords.Hash(password);
            await database.RunAsync((db, ct) => db.Accounts.Where(a => a.Id == account.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordHash, rehashed), ct), cancellationToken);
        }
        return admitted;
    }

    private Task<Account?> FindAsync(LoginName login, CancellationToken cancellationToken) => database.RunAsync((db, ct) =>
    {
        var query = db.Accounts.AsNoTracking().Include(a => a.Domain).Where(a => a.Name == login.Account);
        query = login.Domain is null ? query.Where(a => a.Domain.IsMain) : query.Where(a => a.Domain.Name == login.Domain);
        return query.FirstOrDefaultAsync(ct);
    }, cancellationToken);

    // SES-PASS's checks after the credential: Domain and account enabled, the service enabled.
    private static LoginResult Admit(Account account, string? service)
    {
        if (!account.Domain.Enabled)
        {
            return LoginResult.Fail(LoginFailure.DomainDisabled);
        }
        if (!account.Enabled)
        {
            return LoginResult.Fail(LoginFailure.AccountDisabled);
        }
        if (service is not null && !account.HasService(service))
        {
            return LoginResult.Fail(LoginFailure.ServiceDisabled);
        }
        return LoginResult.Success(new AuthenticatedAccount(account.Id, account.Name, account.Domain.Name, account.IsAdministrator)
        {
            IsDomainAdministrator = account.IsDomainAdministrator,
        });
    }
}
