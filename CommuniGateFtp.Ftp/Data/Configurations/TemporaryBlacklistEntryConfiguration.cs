using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class TemporaryBlacklistEntryConfiguration : IEntityTypeConfiguration<TemporaryBlacklistEntry>
{
    public void Configure(EntityTypeBuilder<TemporaryBlacklistEntry> builder)
    {
        builder.ToTable("temporary_blacklist");
        builder.HasKey(e => e.Address);
        builder.Property(e => e.Address).HasMaxLength(64);
        // The admission cache reloads the blocked addresses every second: that query reads this index only.
        builder.HasIndex(e => e.BlockedUntil);
    }
}
