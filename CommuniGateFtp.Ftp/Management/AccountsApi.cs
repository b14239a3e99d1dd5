using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/accounts</c>: list, read, create, change and delete accounts. Passwords are write-only. Server administrators
/// see every account; a Domain administrator its own Domain's (the list is scoped, the routes with <c>{domain}</c> are
/// refused for other Domains, and what it may change is <see cref="AccountChangeRequirement"/>'s).
/// </summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(ManagementPolicies.DomainAdministrator);
        group.MapGet("/", ListAsync);
        group.MapGet("/{domain}/{name}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{domain}/{name}", AccountUpdate.UpdateAsync);
        group.MapPatch("/{domain}/{name}", AccountUpdate.UpdateAsync);
        group.MapDelete("/{domain}/{name}", DeleteAsync);
        return routes;
    }

    /// <summary>
    /// Without <c>search</c>, <c>skip</c> or <c>take</c> the whole list, as existing clients read it; with any of them one
    /// page (<see cref="AccountPage"/>) of the accounts whose <c>name@domain</c> contains <c>search</c> (case-insensitive).
    /// </summary>
    private static async Task<Results<Ok<List<AccountResponse>>, Ok<AccountPage>, ValidationProblem, ProblemHttpResult>> ListAsync(string? domain,
        string? search, int? skip, int? take, ManagementCaller caller, FtpDbContext db, StorageUsage usage, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(domain)
            && await caller.RefusalAsync(new ManagedDomain(domain), ManagementPolicies.DomainAdministrator) is { } refused)
        {
            return refused;
        }
        await usage.FlushAsync(cancellationToken); // this node's booked usage changes show at once
        var query = db.Accounts.Include(a => a.Domain).AsQueryable();
        if (!caller.IsServerAdministrator)
        {
            query = query.Where(a => a.Domain.Name == caller.Domain); // a Domain administrator's list is its Domain
        }
        if (!string.IsNullOrWhiteSpace(domain))
        {
            var wanted = DomainName.Normalize(domain);
            query = query.Where(a => a.Domain.Name == wanted);
        }
        query = query.OrderBy(a => a.Domain.Name).ThenBy(a => a.Name);
        if (search is null && skip is null && take is null)
        {
            return TypedResults.Ok((await query.ToListAsync(cancellationToken)).Select(ToResponse).ToList());
        }
        if (skip < 0 || take is < 1 or > MaxPage)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"skip must be 0 or more and take between 1 and {MaxPage}."] });
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            query = query.Where(a => EF.Functions.ILike(a.Name + "@" + a.Domain.Name, pattern, @"\"));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip(skip ?? 0).Take(take ?? DefaultPage).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AccountPage([.. items.Select(ToResponse)], total));
    }

    private const int DefaultPage = 50;
    private const int MaxPage = 500;

    private static async Task<Results<Ok<AccountResponse>, StatusCodeHttpResult, NotFound<ProblemDetails>>> GetAsync(string domain, string name,
        HttpContext http, FtpDbContext db, StorageUsage usage, CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken); // this node's booked usage changes show at once
        if (await FindAsync(db, domain, name, cancellationToken) is not { } account)
        {
            return AccountNotFound(domain, name);
        }
        var response = ToResponse(account);
        var tag = EntityTags.Of(response);
        EntityTags.Set(http.Response, tag);
        // RFC 9110 13.1.2: the client's copy is current.
        return EntityTags.IfNoneMatch(http.Request, tag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(response);
    }

    private static async Task<Results<Created<AccountResponse>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>>
        CreateAsync(AccountRequest request, ManagementCaller caller, FtpDbContext db, PasswordHashing passwords, TimeProvider time,
            CancellationToken cancellationToken)
    {
        var errors = AccountRequestValidation.Validate(request, creating: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var domainName = DomainName.Normalize(request.Domain!);
        if (await caller.RefusalAsync(new AccountChange(domainName, null, request), ManagementPolicies.AccountChange) is { } refused)
        {
            return refused;
        }
        var domain = await db.Domains.FirstOrDefaultAsync(d => d.Name == domainName, cancellationToken);
        if (domain is null)
        {
            return TypedResults.NotFound(ApiProblems.DomainNotFound(domainName));
        }
        var name = AccountName.Normalize(request.Name!);
        if (await db.Accounts.AnyAsync(a => a.DomainId == domain.Id && a.Name == name, cancellationToken))
        {
            return TypedResults.Conflict(ApiProblems.Problem(409, "Account exists", $"The account '{name}@{domainName}' already exists."));
        }
        var account = new Account
        {
            Name = name,
            Domain = domain,
            PasswordHash = passwords.Hash(request.Password!),
            CreatedAt = time.GetUtcNow(),
            // A new account gets FTP unless the request says otherwise: this is an FTP server.
            EnabledServices = [AccountServices.Ftp],
        };
        AccountUpdate.Apply(account, request, passwords);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/accounts/{domainName}/{name}", ToResponse(account));
    }

    /// <summary>
    /// CGP: removing an account removes its data — its File Storage and the ACL entries that name it — and its sessions end
    /// with 421: this node's at once, the other nodes' when they hear of it (NOTIFY).
    /// </summary>
    private static async Task<Results<NoContent, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult>> DeleteAsync(string domain,
        string name, ManagementCaller caller, FtpDbContext db, FileStore store, SessionRegistry sessions, Cluster.ClusterRequests cluster,
        AclPresence aclPresence, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, domain, name, cancellationToken) is not { } account)
        {
            return AccountNotFound(domain, name);
        }
        if (await caller.RefusalAsync(new AccountChange(account.Domain.Name, account, null), ManagementPolicies.AccountChange) is { } refused)
        {
            return refused;
        }
        if (account.IsAdministrator && account.Enabled && await IsLastAdministratorAsync(db, account, cancellationToken))
        {
            return TypedResults.Conflict(ApiProblems.Problem(409, "Last administrator", "The last enabled administrator cannot be deleted."));
        }
        db.Accounts.Remove(account);
        await db.SaveChangesAsync(cancellationToken);
        var address = $"{account.Name}@{account.Domain.Name}";
        await db.FileAccessControlEntries
            .Where(e => e.Grantee == address || (e.Grantee == account.Name && e.Account.DomainId == account.DomainId))
            .ExecuteDeleteAsync(cancellationToken);
        await DatabaseAccessControlStore.NotifyEveryoneAsync(db, aclPresence, cancellationToken); // grants in many owners' ACLs went
        foreach (var session in sessions.Sessions.Where(s => s.Account is { IsAnonymous: false } a && a.Id == account.Id))
        {
            session.Disconnect();
        }
        await cluster.DisconnectAccountAsync(account.Id, cancellationToken);
        store.Remove(new StorageOwner(account.Id, account.Name, account.Domain.Name));
        return TypedResults.NoContent();
    }

    internal static Task<Account?> FindAsync(FtpDbContext db, string domain, string name, CancellationToken cancellationToken)
    {
        var domainName = DomainName.Normalize(domain);
        var accountName = AccountName.Normalize(name);
        return db.Accounts.Include(a => a.Domain).FirstOrDefaultAsync(a => a.Name == accountName && a.Domain.Name == domainName, cancellationToken);
    }

    internal static async Task<bool> IsLastAdministratorAsync(FtpDbContext db, Account account, CancellationToken cancellationToken) =>
        !await db.Accounts.AnyAsync(a => a.Id != account.Id && a.IsAdministrator && a.Enabled, cancellationToken);

    internal static AccountResponse ToResponse(Account a) => new(a.Name, a.Domain.Name, a.Enabled, a.EnabledServices, a.IsAdministrator,
        a.IsDomainAdministrator, a.StorageSizeLimit.ToString(), a.StorageFilesLimit.ToString(), a.StorageBytesUsed, a.StorageFilesUsed, a.CreatedAt,
        Effective(a.StorageSizeLimit, a.Domain.DefaultStorageSizeLimit), Effective(a.StorageFilesLimit, a.Domain.DefaultStorageFilesLimit));

    private static string Effective(StorageLimit account, StorageLimit domainDefault) =>
        StorageLimit.Effective(account, domainDefault)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited";

    internal static NotFound<ProblemDetails> AccountNotFound(string domain, string name) =>
        TypedResults.NotFound(ApiProblems.AccountNotFound(domain, name));

}
