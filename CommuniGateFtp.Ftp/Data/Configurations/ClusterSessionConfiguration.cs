using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class ClusterSessionConfiguration : IEntityTypeConfiguration<ClusterSession>
{
    public void Configure(EntityTypeBuilder<ClusterSession> builder)
    {
        builder.ToTable("cluster_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Summary).HasColumnType("jsonb");
        // A node that is gone takes its sessions with it.
        builder.HasOne<ClusterNode>().WithMany().HasForeignKey(s => s.NodeNumber).OnDelete(DeleteBehavior.Cascade);
    }
}
