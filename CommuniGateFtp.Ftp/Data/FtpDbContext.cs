using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>The Ftp service's database: domains, accounts, groups, file ACLs, settings, the temporary blacklist, and the cluster's nodes, their sessions and pending shared passive ports.</summary>
public sealed class FtpDbContext(DbContextOptions<FtpDbContext> options) : DbContext(options)
{
    private static long _loginDataWrites;

    /// <summary>
    /// Counts saves in this process that touched accounts or Domains, bumped once they are done: the login caches of this
    /// process (one node, or several in a test) forget at once what they read before (Accounts.LoginCache); other
    /// processes hear of it by the database trigger's NOTIFY. Statements that bypass the change tracker rely on the NOTIFY.
    /// </summary>
    public static long LoginDataWrites => Interlocked.Read(ref _loginDataWrites);

    public DbSet<Domain> Domains => Set<Domain>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();

    public DbSet<FileAccessControlEntry> FileAccessControlEntries => Set<FileAccessControlEntry>();

    public DbSet<ServerSetting> Settings => Set<ServerSetting>();

    public DbSet<TemporaryBlacklistEntry> TemporaryBlacklist => Set<TemporaryBlacklistEntry>();

    public DbSet<ClusterNode> ClusterNodes => Set<ClusterNode>();

    public DbSet<ClusterSession> ClusterSessions => Set<ClusterSession>();

    public DbSet<ClusterRequestRow> PendingClusterRequests => Set<ClusterRequestRow>();

    public DbSet<PassiveReservation> PassiveReservations => Set<PassiveReservation>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var touchesLogins = TouchesLogins();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            LoginDataWritten(touchesLogins);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var touchesLogins = TouchesLogins();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            LoginDataWritten(touchesLogins);
        }
    }

    private bool TouchesLogins() => ChangeTracker.Entries()
        .Any(e => e.Entity is Account or Domain && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    private static void LoginDataWritten(bool touchesLogins)
    {
        if (touchesLogins)
        {
            Interlocked.Increment(ref _loginDataWrites);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FtpDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<StorageLimit>().HaveConversion<StorageLimitConverter>().HaveMaxLength(32);
}
