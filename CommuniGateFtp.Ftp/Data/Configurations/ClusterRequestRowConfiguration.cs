using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class ClusterRequestRowConfiguration : IEntityTypeConfiguration<ClusterRequestRow>
{
    public void Configure(EntityTypeBuilder<ClusterRequestRow> builder)
    {
        builder.ToTable("cluster_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Request).HasColumnType("jsonb");
        builder.Property(r => r.CreatedAt).HasDefaultValueSql("now()");
        // A node that is gone takes the requests it never took with it (its sessions are gone too).
        builder.HasOne<ClusterNode>().WithMany().HasForeignKey(r => r.NodeNumber).OnDelete(DeleteBehavior.Cascade);
    }
}
