using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Management.Authorization;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using UpdateResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<CommuniGateFtp.Contracts.AccountResponse>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    Microsoft.AspNetCore.Http.HttpResults.Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>PATCH</c> and <c>PUT /api/accounts/{domain}/{name}</c>: a partial update — the members sent change, absent or null
/// ones keep their value. PUT keeps that meaning for the clients built on it (the WebAdmin): the password is write-only,
/// so no client could send an account whole. With <c>If-Match</c> (the ETag of GET) the change is made only on the
/// account as the client saw it, else <c>412</c> (RFC 9110 13.1.1).
/// </summary>
public static class AccountUpdate
{
    public static async Task<UpdateResult> UpdateAsync(string domain, string name, AccountRequest request, HttpContext http, ManagementCaller caller,
        FtpDbContext db, PasswordHashing passwords, CancellationToken cancellationToken)
    {
        var errors = AccountRequestValidation.Validate(request, creating: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await AccountsApi.FindAsync(db, domain, name, cancellationToken) is not { } account)
        {
            return AccountsApi.AccountNotFound(domain, name);
        }
        return await RowLock.RunAsync<UpdateResult>(db, $"""SELECT 1 FROM accounts WHERE "Id" = {account.Id} FOR UPDATE""", async ct =>
        {
            await db.Entry(account).ReloadAsync(ct); // as it is now that no one else can change it
            if (db.Entry(account).State == EntityState.Detached)
            {
                return AccountsApi.AccountNotFound(domain, name);
            }
            var current = EntityTags.Of(AccountsApi.ToResponse(account));
            if (EntityTags.IfMatch(http.Request, current) == false)
            {
                return EntityTags.PreconditionFailed(http.Response, current, $"The account '{account.Name}@{account.Domain.Name}'");
            }
            // Checked on the account as it is now: it may have become a server administrator since it was read.
            if (await caller.RefusalAsync(new AccountChange(account.Domain.Name, account, request), ManagementPolicies.AccountChange) is { } refused)
            {
                return refused;
            }
            var losesAdministration = account.IsAdministrator && account.Enabled && (request.IsAdministrator == false || request.Enabled == false);
            if (losesAdministration && await AccountsApi.IsLastAdministratorAsync(db, account, ct))
            {
                return TypedResults.Conflict(ApiProblems.Problem(409, "Last administrator", "The last enabled administrator cannot be demoted or disabled."));
            }
            Apply(account, request, passwords);
            await db.SaveChangesAsync(ct);
            var response = AccountsApi.ToResponse(account);
            EntityTags.Set(http.Response, EntityTags.Of(response));
            return TypedResults.Ok(response);
        }, cancellationToken);
    }

    /// <summary>Sets the members <paramref name="request"/> sends; null ones keep their value.</summary>
    internal static void Apply(Account account, AccountRequest request, PasswordHashing passwords)
    {
        if (request.Password is not null)
        {
            account.PasswordHash = passwords.Hash(request.Password);
        }
        if (request.EnabledServices is not null)
        {
            account.EnabledServices = request.EnabledServices.Select(s => AccountServices.Canonical(s)!).Distinct().ToList();
        }
        if (request.StorageSizeLimit is not null)
        {
            account.StorageSizeLimit = StorageLimit.Parse(request.StorageSizeLimit);
        }
        if (request.StorageFilesLimit is not null)
        {
            account.StorageFilesLimit = StorageLimit.Parse(request.StorageFilesLimit);
        }
        account.IsAdministrator = request.IsAdministrator ?? account.IsAdministrator;
        account.IsDomainAdministrator = request.IsDomainAdministrator ?? account.IsDomainAdministrator;
        account.Enabled = request.Enabled ?? account.Enabled;
    }
}
