using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UpdateResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<CommuniGateFtp.Contracts.DomainResponse>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    Microsoft.AspNetCore.Http.HttpResults.Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/domains</c>: list, read, create and change domains (enabled, default storage limits). PATCH and PUT of a domain
/// are the same partial update (absent or null members keep their value; PUT keeps that meaning for existing clients);
/// reads carry an ETag and changes honour If-Match (RFC 9110 13.1.1). Creating and changing Domains is for server
/// administrators; a Domain administrator lists and reads its own Domain only.
/// </summary>
public static class DomainsApi
{
    public static IEndpointRouteBuilder MapDomainsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/domains").WithTags("Domains");
        group.MapGet("/", ListAsync).RequireAuthorization(ManagementPolicies.DomainAdministrator);
        group.MapPost("/", CreateAsync).RequireAuthorization(ManagementPolicies.ServerAdministrator);
        // CGP: a Domain's limits and addresses are the server administrator's; its administrator reads them.
        group.MapGet("/{domain}", GetAsync).RequireAuthorization(ManagementPolicies.DomainAdministrator);
        group.MapPut("/{domain}", UpdateAsync).RequireAuthorization(ManagementPolicies.ServerAdministrator);
        group.MapPatch("/{domain}", UpdateAsync).RequireAuthorization(ManagementPolicies.ServerAdministrator);
        return routes;
    }

    private static async Task<Ok<List<DomainResponse>>> ListAsync(ManagementCaller caller, FtpDbContext db, CancellationToken cancellationToken)
    {
        var visible = caller.IsServerAdministrator ? db.Domains : db.Domains.Where(d => d.Name == caller.Domain);
        // Counted in the database: listing domains must not load every account.
        var domains = await visible.OrderBy(d => d.Name)
            .Select(d => new { Domain = d, AccountCount = d.Accounts.Count })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(domains.Select(d => ToResponse(d.Domain, d.AccountCount)).ToList());
    }

    private static async Task<Results<Ok<DomainResponse>, StatusCodeHttpResult, NotFound<ProblemDetails>>> GetAsync(string domain, HttpContext http,
        FtpDbContext db, CancellationToken cancellationToken)
    {
        var normalized = DomainName.Normalize(domain);
        if (await db.Domains.FirstOrDefaultAsync(d => d.Name == normalized, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound(ApiProblems.DomainNotFound(normalized));
        }
        var response = await ResponseAsync(db, found, cancellationToken);
        var tag = EntityTags.Of(response);
        EntityTags.Set(http.Response, tag);
        return EntityTags.IfNoneMatch(http.Request, tag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(response);
    }

    private static async Task<Results<Created<DomainResponse>, ValidationProblem, Conflict<ProblemDetails>>> CreateAsync(
        DomainRequest request, FtpDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = Validate(request, creating: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var name = DomainName.Normalize(request.Name!);
        if (await db.Domains.AnyAsync(d => d.Name == name, cancellationToken))
        {
            return TypedResults.Conflict(ApiProblems.Problem(409, "Domain exists", $"The domain '{name}' already exists."));
        }
        var domain = new Domain { Name = name, CreatedAt = time.GetUtcNow() };
        if (await OwnedElsewhereAsync(db, domain, request, cancellationToken) is { } taken)
        {
            return TypedResults.Conflict(taken);
        }
        Apply(domain, request);
        db.Domains.Add(domain);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/domains/{name}", ToResponse(domain, 0));
    }

    private static async Task<UpdateResult> UpdateAsync([FromRoute(Name = "domain")] string name, DomainRequest request, HttpContext http, FtpDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request, creating: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var normalized = DomainName.Normalize(name);
        var domain = await db.Domains.FirstOrDefaultAsync(d => d.Name == normalized, cancellationToken);
        if (domain is null)
        {
            return TypedResults.NotFound(ApiProblems.DomainNotFound(normalized));
        }
        return await RowLock.RunAsync<UpdateResult>(db, $"""SELECT 1 FROM domains WHERE "Id" = {domain.Id} FOR UPDATE""", async ct =>
        {
            await db.Entry(domain).ReloadAsync(ct); // as it is now that no one else can change it
            var current = EntityTags.Of(await ResponseAsync(db, domain, ct));
            if (EntityTags.IfMatch(http.Request, current) == false)
            {
                return EntityTags.PreconditionFailed(http.Response, current, $"The domain '{normalized}'");
            }
            if (await OwnedElsewhereAsync(db, domain, request, ct) is { } taken)
            {
                return TypedResults.Conflict(taken);
            }
            Apply(domain, request);
            await db.SaveChangesAsync(ct);
            var response = await ResponseAsync(db, domain, ct);
            EntityTags.Set(http.Response, EntityTags.Of(response));
            return TypedResults.Ok(response);
        }, cancellationToken);
    }

    private static async Task<DomainResponse> ResponseAsync(FtpDbContext db, Domain domain, CancellationToken cancellationToken) =>
        ToResponse(domain, await db.Accounts.CountAsync(a => a.DomainId == domain.Id, cancellationToken));

    private static Dictionary<string, string[]> Validate(DomainRequest request, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating && !DomainName.IsValid(request.Name))
        {
            errors["name"] = [$"'{request.Name}' is not a valid domain name (letters, digits, hyphens and dots)."];
        }
        if (request.DefaultStorageSizeLimit is not null && !StorageLimit.TryParse(request.DefaultStorageSizeLimit, out _))
        {
            errors["defaultStorageSizeLimit"] = ["Use a number of bytes (K, M, G, T suffixes allowed), 'unlimited' or 'default'."];
        }
        if (request.DefaultStorageFilesLimit is not null && !StorageLimit.TryParse(request.DefaultStorageFilesLimit, out _))
        {
            errors["defaultStorageFilesLimit"] = ["Use a number of files, 'unlimited' or 'default'."];
        }
        if (request.LocalIps?.FirstOrDefault(ip => !System.Net.IPAddress.TryParse(ip, out _)) is { } badIp)
        {
            errors["localIps"] = [$"'{badIp}' is not an IP address."];
        }
        return errors;
    }

    // NET-DOMAINIP: an address belongs to one Domain at most, or unqualified names on it would be ambiguous.
    private static async Task<ProblemDetails?> OwnedElsewhereAsync(FtpDbContext db, Domain domain, DomainRequest request,
        CancellationToken cancellationToken)
    {
        var wanted = (request.LocalIps ?? []).Select(DomainAddress.Normalize).ToList();
        if (wanted.Count == 0)
        {
            return null;
        }
        var owner = await db.Domains.Where(d => d.Id != domain.Id && d.LocalIps.Any(ip => wanted.Contains(ip)))
            .Select(d => new { d.Name, d.LocalIps }).FirstOrDefaultAsync(cancellationToken);
        return owner is null ? null
            : ApiProblems.Problem(409, "Address owned", $"{owner.LocalIps.Intersect(wanted).First()} already belongs to the domain '{owner.Name}'.");
    }

    private static void Apply(Domain domain, DomainRequest request)
    {
        if (request.LocalIps is not null)
        {
            domain.LocalIps = [.. request.LocalIps.Select(DomainAddress.Normalize).Distinct()];
        }
        domain.Enabled = request.Enabled ?? domain.Enabled;
        if (request.DefaultStorageSizeLimit is not null)
        {
            domain.DefaultStorageSizeLimit = StorageLimit.Parse(request.DefaultStorageSizeLimit);
        }
        if (request.DefaultStorageFilesLimit is not null)
        {
            domain.DefaultStorageFilesLimit = StorageLimit.Parse(request.DefaultStorageFilesLimit);
        }
    }

    private static DomainResponse ToResponse(Domain d, int accountCount) => new(d.Name, d.IsMain, d.Enabled, accountCount,
        d.DefaultStorageSizeLimit.ToString(), d.DefaultStorageFilesLimit.ToString(), d.LocalIps);
}
