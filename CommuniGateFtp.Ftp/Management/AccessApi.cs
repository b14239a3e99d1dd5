using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/accounts/{domain}/{name}/acl?path=</c>: read and replace the ACL of an item of an account's File Storage
/// (FS-ACL), and <c>…/acl/explain?path=&amp;who=</c>: which rights an account has there and which rule gave each.
/// Server administrators, who may change every ACL (FS-INHERIT), and the Domain administrator of the account's Domain,
/// within <see cref="AclChangeRequirement"/>'s bounds; a Domain administrator explains accounts of its own Domain only.
/// </summary>
public static class AccessApi
{
    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/accounts/{domain}/{name}/acl").WithTags("Access rights")
            .RequireAuthorization(ManagementPolicies.DomainAdministrator);
        group.MapGet("/", GetAsync);
        group.MapPut("/", SetAsync);
        group.MapGet("/explain", ExplainAsync);
        return routes;
    }

    private static async Task<Results<Ok<AclResponse>, ValidationProblem, NotFound<ProblemDetails>>> GetAsync(string domain, string name,
        string? path, FtpDbContext db, FileStore store, IAccessControlStore acl, CancellationToken cancellationToken)
    {
        var (owner, item, problem) = await ExistingItemAsync(db, store, domain, name, path, cancellationToken);
        if (problem is not null)
        {
            return problem.Status == 404 ? TypedResults.NotFound(problem) : TypedResults.ValidationProblem(PathError(path));
        }
        return TypedResults.Ok(ToResponse(owner!, item!, await acl.GetAsync(owner!.Id, item!, cancellationToken)));
    }

    private static async Task<Results<Ok<AclResponse>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> SetAsync(string domain,
        string name, string? path, AclRequest request, ManagementCaller caller, FtpDbContext db, FileStore store, IAccessControlStore acl,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var entries = new Dictionary<string, AclEntry>(StringComparer.Ordinal);
        foreach (var (entry, index) in (request.Entries ?? []).Select((e, i) => (e, i)))
        {
            if (!Grantee.TryParse(entry.Grantee, out var grantee))
            {
                errors[$"entries[{index}].grantee"] = [$"'{entry.Grantee}' is not a grantee (user@domain, user, anyone, anyone@, anyone@domain, #group)."];
            }
            else if (!RightsLetters.TryParse(entry.Rights, out var rights))
            {
                errors[$"entries[{index}].rights"] = [$"'{entry.Rights}' is not a set of rights letters (l r w i d a)."];
            }
            else if (rights != FileRights.None)
            {
                // One grantee, one entry: rights given twice are added up (FS-ACL).
                var key = grantee.ToString();
                entries[key] = new AclEntry(grantee, rights | (entries.GetValueOrDefault(key)?.Rights ?? FileRights.None));
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (owner, item, problem) = await ExistingItemAsync(db, store, domain, name, path, cancellationToken);
        if (problem is not null)
        {
            return problem.Status == 404 ? TypedResults.NotFound(problem) : TypedResults.ValidationProblem(PathError(path));
        }
        var current = await acl.GetAsync(owner!.Id, item!, cancellationToken);
        if (await caller.RefusalAsync(new AclChange(owner, current, [.. entries.Values]), ManagementPolicies.AclChange) is { } refused)
        {
            return refused;
        }
        await acl.SetAsync(owner.Id, item!, [.. entries.Values], cancellationToken);
        return TypedResults.Ok(ToResponse(owner, item!, await acl.GetAsync(owner.Id, item!, cancellationToken)));
    }

    private static async Task<Results<Ok<AccessExplanationResponse>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> ExplainAsync(
        string domain, string name, string? path, string? who, ManagementCaller asking, FtpDbContext db, AccessPolicy policy,
        CancellationToken cancellationToken)
    {
        if (!TryParseItem(path, out var item))
        {
            return TypedResults.ValidationProblem(PathError(path));
        }
        if (await FindOwnerAsync(db, domain, name, cancellationToken) is not { } owner)
        {
            return TypedResults.NotFound(ApiProblems.AccountNotFound(domain, name));
        }
        if (!LoginName.TryParse(who ?? "", out var login))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["who"] = ["Give the account to explain as user@domain or user."] });
        }
        var callerDomain = login!.Domain ?? owner.Domain;
        // Explaining says whether an account exists and what it may do: another Domain's accounts are not this caller's to probe.
        if (await asking.RefusalAsync(new ManagedDomain(callerDomain), ManagementPolicies.DomainAdministrator) is { } refused)
        {
            return refused;
        }
        var caller = await db.Accounts.AsNoTracking()
            .Where(a => a.Name == login.Account && a.Domain.Name == callerDomain)
            .Select(a => new AuthenticatedAccount(a.Id, a.Name, a.Domain.Name, a.IsAdministrator) { IsDomainAdministrator = a.IsDomainAdministrator })
            .FirstOrDefaultAsync(cancellationToken);
        if (caller is null)
        {
            return TypedResults.NotFound(ApiProblems.AccountNotFound(callerDomain, login.Account));
        }
        var explanation = await policy.ExplainAsync(caller, owner, item, cancellationToken);
        return TypedResults.Ok(new AccessExplanationResponse(owner.Address, item.ToString(), caller.Address, RightsLetters.Format(explanation.Rights),
            [.. explanation.Rules.Select(r => new AccessRuleDto(r.Source, RightsLetters.Format(r.Rights), r.Grantee))]));
    }

    // The owner and an existing item of its storage, or the problem to answer.
    private static async Task<(StorageOwner? Owner, VirtualPath? Item, ProblemDetails? Problem)> ExistingItemAsync(FtpDbContext db, FileStore store,
        string domain, string name, string? path, CancellationToken cancellationToken)
    {
        if (!TryParseItem(path, out var item))
        {
            return (null, null, ApiProblems.Problem(400, "Invalid path", ""));
        }
        if (await FindOwnerAsync(db, domain, name, cancellationToken) is not { } owner)
        {
            return (null, null, ApiProblems.AccountNotFound(domain, name));
        }
        if (store.Open(owner).Find(item) is null)
        {
            return (null, null, ApiProblems.Problem(404, "No such item", $"'{item}' does not exist in the storage of {owner.Address}."));
        }
        return (owner, item, null);
    }

    /// <summary>The account whose storage a route names, or null.</summary>
    internal static Task<StorageOwner?> FindOwnerAsync(FtpDbContext db, string domain, string name, CancellationToken cancellationToken)
    {
        var (domainName, accountName) = (DomainName.Normalize(domain), AccountName.Normalize(name));
        return db.Accounts.AsNoTracking()
            .Where(a => a.Name == accountName && a.Domain.Name == domainName)
            .Select(a => new StorageOwner(a.Id, a.Name, a.Domain.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }

    // A path inside the account's own storage: absolute, no account reference (FS-PATH, FS-NAME).
    private static bool TryParseItem(string? path, out VirtualPath item) =>
        VirtualPath.TryResolve(VirtualPath.Root, string.IsNullOrEmpty(path) ? "/" : path, out item) && item.AccountReference is null;

    private static Dictionary<string, string[]> PathError(string? path) =>
        new() { ["path"] = [$"'{path}' is not a path in the account's storage (e.g. /docs/report.pdf)."] };

    private static AclResponse ToResponse(StorageOwner owner, VirtualPath item, IReadOnlyList<AclEntry> entries) =>
        new(owner.Address, item.ToString(), [.. entries.Select(e => new AclEntryDto(e.Grantee.ToString(), RightsLetters.Format(e.Rights)))]);
}
