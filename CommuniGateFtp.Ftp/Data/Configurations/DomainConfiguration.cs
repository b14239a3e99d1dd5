using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class DomainConfiguration : IEntityTypeConfiguration<Domain>
{
    public void Configure(EntityTypeBuilder<Domain> builder)
    {
        builder.ToTable("domains");
        builder.Property(d => d.Name).HasMaxLength(255);
        builder.HasIndex(d => d.Name).IsUnique();
        // At most one Main Domain, enforced by the database rather than by hope.
        builder.HasIndex(d => d.IsMain).IsUnique().HasFilter("\"IsMain\"");
    }
}
