using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.Property(a => a.Name).HasMaxLength(64);
        builder.Property(a => a.PasswordHash).HasMaxLength(256);
        builder.HasIndex(a => new { a.DomainId, a.Name }).IsUnique();
        builder.HasOne(a => a.Domain).WithMany(d => d.Accounts).HasForeignKey(a => a.DomainId).OnDelete(DeleteBehavior.Restrict);
    }
}
