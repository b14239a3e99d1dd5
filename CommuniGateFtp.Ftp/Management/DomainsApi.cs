using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Management.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Management;

/// <summary><c>/api/domains</c>: list and create domains.</summary>
public static class DomainsApi
{
    public static IEndpointRouteBuilder MapDomainsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/domains").WithTags("Domains").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        return routes;
    }

    private static async Task<Ok<List<DomainResponse>>> ListAsync(FtpDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Domains.OrderBy(d => d.Name)
            .Select(d => new DomainResponse(d.Name, d.IsMain, d.Enabled, d.Accounts.Count))
            .ToListAsync(cancellationToken));

    private static async Task<Results<Created<DomainResponse>, ValidationProblem, Conflict<ProblemDetails>>> CreateAsync(
        CreateDomainRequest request, FtpDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!DomainName.IsValid(request.Name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"'{request.Name}' is not a valid domain name (letters, digits, hyphens and dots)."],
            });
        }
        var name = DomainName.Normalize(request.Name!);
        if (await db.Domains.AnyAsync(d => d.Name == name, cancellationToken))
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "Domain exists", Detail = $"The domain '{name}' already exists.", Status = 409 });
        }
        var domain = new Domain { Name = name, Enabled = request.Enabled ?? true, CreatedAt = time.GetUtcNow() };
        db.Domains.Add(domain);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/domains/{name}", new DomainResponse(name, false, domain.Enabled, 0));
    }
}
