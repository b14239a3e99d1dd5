using Microsoft.EntityFrameworkCore;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>The Ftp service's database: domains, accounts, groups, file ACLs, settings, the temporary blacklist, and the cluster's nodes, their sessions and pending shared passive ports.</summary>
public sealed class FtpDbContext(DbContextOptions<FtpDbContext> options) : DbContext(options)
{
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FtpDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<StorageLimit>().HaveConversion<StorageLimitConverter>().HaveMaxLength(32);
}
