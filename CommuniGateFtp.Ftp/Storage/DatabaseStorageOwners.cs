using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Looks account references up in PostgreSQL; names arrive normalised (lower case).</summary>
public sealed class DatabaseStorageOwners(IServiceScopeFactory scopes) : IStorageOwners
{
    public async Task<StorageOwner?> FindAsync(string name, string domain, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FtpDbContext>();
        return await db.Accounts.AsNoTracking()
            .Where(a => a.Name == name && a.Domain.Name == domain)
            .Select(a => new StorageOwner(a.Id, a.Name, a.Domain.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
