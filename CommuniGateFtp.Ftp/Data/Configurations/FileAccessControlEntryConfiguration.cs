using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class FileAccessControlEntryConfiguration : IEntityTypeConfiguration<FileAccessControlEntry>
{
    public void Configure(EntityTypeBuilder<FileAccessControlEntry> builder)
    {
        builder.ToTable("file_acl_entries");
        builder.Property(e => e.Path).HasMaxLength(4096);
        builder.Property(e => e.Grantee).HasMaxLength(320);
        builder.Property(e => e.Rights).HasMaxLength(16);
        builder.HasIndex(e => new { e.AccountId, e.Path, e.Grantee }).IsUnique();
        builder.HasOne(e => e.Account).WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
