using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Looks account references up in PostgreSQL; names arrive normalised (lower case).</summary>
public sealed class DatabaseStorageOwners(SessionDatabase database) : IStorageOwners
{
    public Task<StorageOwner?> FindAsync(string name, string domain, CancellationToken cancellationToken) =>
        database.RunAsync((db, ct) => db.Accounts.AsNoTracking()
            .Where(a => a.Name == name && a.Domain.Name == domain)
            .Select(a => new StorageOwner(a.Id, a.Name, a.Domain.Name))
            .FirstOrDefaultAsync(ct), cancellationToken);
}
