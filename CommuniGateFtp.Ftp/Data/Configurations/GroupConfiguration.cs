using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups");
        builder.Property(g => g.Name).HasMaxLength(64);
        builder.HasIndex(g => new { g.DomainId, g.Name }).IsUnique();
        builder.HasOne(g => g.Domain).WithMany().HasForeignKey(g => g.DomainId).OnDelete(DeleteBehavior.Cascade);
    }
}
