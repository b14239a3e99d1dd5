using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class ClusterNodeConfiguration : IEntityTypeConfiguration<ClusterNode>
{
    public void Configure(EntityTypeBuilder<ClusterNode> builder)
    {
        builder.ToTable("cluster_nodes");
        builder.HasKey(n => n.Number);
        builder.Property(n => n.Number).UseIdentityByDefaultColumn();
        builder.Property(n => n.Name).HasMaxLength(64);
        builder.Property(n => n.Listeners).HasColumnType("jsonb");
    }
}
