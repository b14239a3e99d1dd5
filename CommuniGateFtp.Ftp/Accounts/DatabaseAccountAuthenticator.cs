using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// Authenticates against the accounts in PostgreSQL. A repeat of a successful login — the account as last read, the
/// password as last verified, both still current — is answered from memory (<see cref="LoginCache"/>,
/// <see cref="PasswordHashing"/>); every other login, each failure included, reads the account and runs the KDF.
/// </summary>
public sealed class DatabaseAccountAuthenticator(SessionDatabase database, PasswordHashing passwords, LoginCache cache) : IAccountAuthenticator
{
    // Verified when the account does not exist, so that unknown names cost as much as wrong passwords (SEC-NOENUM).
    private readonly Lazy<string> _decoyHash = new(() => passwords.Hash(Guid.NewGuid().ToString()));

    public async Task<string?> DomainOwningAsync(System.Net.IPAddress localAddress, CancellationToken cancellationToken)
    {
        var address = DomainAddress.Normalize(localAddress);
        if (cache.TryGetDomainOwning(address, out var known))
        {
            return known;
        }
        var generation = cache.Generation;
        var domain = await database.RunAsync((db, ct) => db.Domains
            .Where(d => d.LocalIps.Contains(address)).Select(d => d.Name).FirstOrDefaultAsync(ct), cancellationToken);
        cache.KeepDomainOwning(address, domain, generation);
        return domain;
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
        await FindAsync(login, cancellationToken) is { } account ? account.Admit(service) : LoginResult.Fail(LoginFailure.UnknownAccount);

    public async Task<LoginResult> AuthenticateAsync(LoginName login, string password, string? service, CancellationToken cancellationToken)
    {
        if (cache.TryGetAccount(login, out var known) && passwords.IsRemembered(known.PasswordHash, password))
        {
            return known.Admit(service);
        }
        var generation = cache.Generation;
        var account = await FindAsync(login, cancellationToken);
        // PBKDF2 (tens of milliseconds, every failed guess) on a pool thread of its own, never where the command runs:
        // with inline completions (Ftp:InlineSocketCompletions) that is a socket event thread every connection of its
        // share waits on (docs/benchmarks.md).
        var check = await Task.Run(() => passwords.Verify(account?.PasswordHash ?? _decoyHash.Value, password), CancellationToken.None);
        if (account is null)
        {
            return LoginResult.Fail(LoginFailure.UnknownAccount);
        }
        if (check == PasswordCheck.Invalid)
        {
            return LoginResult.Fail(LoginFailure.BadPassword);
        }
        var admitted = account.Admit(service);
        if (admitted.Succeeded && check == PasswordCheck.ValidRehashNeeded)
        {
            var rehashed = await Task.Run(() => passwords.Hash(password), CancellationToken.None);
            await database.RunAsync((db, ct) => db.Accounts.Where(a => a.Id == account.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordHash, rehashed), ct), cancellationToken);
        }
        else if (admitted.Succeeded)
        {
            cache.KeepAccount(login, account, generation); // only successes: a guess is never answered from memory
        }
        return admitted;
    }

    private Task<LoginRecord?> FindAsync(LoginName login, CancellationToken cancellationToken) => database.RunAsync((db, ct) =>
    {
        var query = db.Accounts.AsNoTracking().Where(a => a.Name == login.Account);
        query = login.Domain is null ? query.Where(a => a.Domain.IsMain) : query.Where(a => a.Domain.Name == login.Domain);
        return query.Select(a => new LoginRecord(a.Id, a.Name, a.Domain.Name, a.PasswordHash, a.Enabled, a.Domain.Enabled,
            a.EnabledServices, a.IsAdministrator, a.IsDomainAdministrator)).FirstOrDefaultAsync(ct);
    }, cancellationToken);
}
