using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/domains/{domain}/groups</c>: the Domain's groups that <c>#group</c> ACL entries name (FS-ACL). A Domain
/// administrator manages its own Domain's groups, with members of its own Domain only.
/// </summary>
public static class GroupsApi
{
    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/domains/{domain}/groups").WithTags("Groups").RequireAuthorization(ManagementPolicies.DomainAdministrator);
        group.MapGet("/", ListAsync);
        group.MapGet("/{name}", GetAsync);
        group.MapPut("/{name}", PutAsync);
        group.MapDelete("/{name}", DeleteAsync);
        return routes;
    }

    private static async Task<Results<Ok<List<GroupResponse>>, NotFound<ProblemDetails>>> ListAsync(string domain, FtpDbContext db,
        CancellationToken cancellationToken)
    {
        var domainName = DomainName.Normalize(domain);
        if (!await db.Domains.AnyAsync(d => d.Name == domainName, cancellationToken))
        {
            return TypedResults.NotFound(ApiProblems.DomainNotFound(domainName));
        }
        var groups = await Groups(db).Where(g => g.Domain.Name == domainName).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(groups.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<GroupResponse>, NotFound<ProblemDetails>>> GetAsync(string domain, string name, FtpDbContext db,
        CancellationToken cancellationToken) =>
        await FindAsync(db, domain, name, cancellationToken) is { } group ? TypedResults.Ok(ToResponse(group)) : GroupNotFound(domain, name);

    /// <summary>Creates the group or replaces its members.</summary>
    private static async Task<Results<Ok<GroupResponse>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> PutAsync(string domain,
        string name, GroupRequest request, ManagementCaller caller, FtpDbContext db, CancellationToken cancellationToken)
    {
        var domainName = DomainName.Normalize(domain);
        var groupName = AccountName.Normalize(name);
        if (!AccountName.IsValid(groupName))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"'{name}' is not a valid group name."] });
        }
        if (await db.Domains.FirstOrDefaultAsync(d => d.Name == domainName, cancellationToken) is not { } owningDomain)
        {
            return TypedResults.NotFound(ApiProblems.DomainNotFound(domainName));
        }
        var members = new List<Account>();
        foreach (var member in request.Members ?? [])
        {
            var login = LoginName.TryParse(member, out var parsed) ? parsed! : null;
            // Checked before the look-up: a refusal must not depend on whether another Domain's account exists.
            if (login?.Domain is { } memberDomain
                && await caller.RefusalAsync(new ManagedDomain(memberDomain), ManagementPolicies.DomainAdministrator) is { } refused)
            {
                return refused;
            }
            var account = login is null ? null : await db.Accounts
                .FirstOrDefaultAsync(a => a.Name == login.Account && a.Domain.Name == (login.Domain ?? domainName), cancellationToken);
            if (account is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["members"] = [$"'{member}' is not an existing account."] });
            }
            members.Add(account);
        }
        var group = await FindAsync(db, domainName, groupName, cancellationToken);
        if (group is null)
        {
            group = new Group { Name = groupName, DomainId = owningDomain.Id, Domain = owningDomain };
            db.Groups.Add(group);
        }
        group.Members.Clear();
        group.Members.AddRange(members.DistinctBy(a => a.Id).Select(a => new GroupMember { Group = group, Account = a, AccountId = a.Id }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse((await FindAsync(db, domainName, groupName, cancellationToken))!));
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAsync(string domain, string name, FtpDbContext db,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(db, domain, name, cancellationToken) is not { } group)
        {
            return GroupNotFound(domain, name);
        }
        db.Groups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static IQueryable<Group> Groups(FtpDbContext db) =>
        db.Groups.Include(g => g.Domain).Include(g => g.Members).ThenInclude(m => m.Account).ThenInclude(a => a.Domain);

    private static Task<Group?> FindAsync(FtpDbContext db, string domain, string name, CancellationToken cancellationToken)
    {
        var (domainName, groupName) = (DomainName.Normalize(domain), AccountName.Normalize(name));
        return Groups(db).FirstOrDefaultAsync(g => g.Name == groupName && g.Domain.Name == domainName, cancellationToken);
    }

    private static GroupResponse ToResponse(Group group) =>
        new(group.Name, group.Domain.Name, [.. group.Members.Select(m => $"{m.Account.Name}@{m.Account.Domain.Name}").Order(StringComparer.Ordinal)]);

    private static NotFound<ProblemDetails> GroupNotFound(string domain, string name) =>
        TypedResults.NotFound(ApiProblems.Problem(404, "Group not found", $"The group '{name}' of '{domain}' does not exist."));
}
