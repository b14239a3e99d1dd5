using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Ftp.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>GET /api/accounts/{domain}/{name}/files?path=</c>: a directory of an account's File Storage, for the WebAdmin's
/// browser. Through <see cref="StorageArea"/> like every FTP listing, so links stay invisible (SEC-TRAVERSAL) and names
/// are checked (FS-NAME); administrators only.
/// </summary>
public static class FilesApi
{
    public static IEndpointRouteBuilder MapFilesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/accounts/{domain}/{name}/files", ListAsync).WithTags("File Storage")
            .RequireAuthorization(ManagementPolicies.DomainAdministrator);
        return routes;
    }

    private static async Task<Results<Ok<FileListResponse>, ValidationProblem, NotFound<ProblemDetails>>> ListAsync(string domain, string name,
        string? path, FtpDbContext db, FileStore store, CancellationToken cancellationToken)
    {
        // FS-PATH: a path in the account's own storage; "~name" references belong to FTP sessions, not to this view.
        if (!VirtualPath.TryResolve(VirtualPath.Root, string.IsNullOrEmpty(path) ? "/" : path, out var directory) || directory.AccountReference is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["path"] = [$"'{path}' is not a path in the account's storage."] });
        }
        if (await AccessApi.FindOwnerAsync(db, domain, name, cancellationToken) is not { } owner)
        {
            return TypedResults.NotFound(ApiProblems.AccountNotFound(DomainName.Normalize(domain), AccountName.Normalize(name)));
        }
        var area = store.Open(owner);
        if (area.Find(directory) is not { IsDirectory: true })
        {
            return TypedResults.NotFound(ApiProblems.Problem(404, "No such directory", $"'{directory}' is not a directory in the storage of {owner.Address}."));
        }
        var entries = area.List(directory)
            .OrderByDescending(e => e.IsDirectory).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new FileEntryDto(e.Name, e.IsDirectory, e.Size, e.Modified))
            .ToList();
        return TypedResults.Ok(new FileListResponse(owner.Address, directory.ToString(), entries));
    }
}
