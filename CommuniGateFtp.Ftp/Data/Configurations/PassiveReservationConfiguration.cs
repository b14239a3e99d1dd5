using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommuniGateFtp.Ftp.Data.Configurations;

internal sealed class PassiveReservationConfiguration : IEntityTypeConfiguration<PassiveReservation>
{
    public void Configure(EntityTypeBuilder<PassiveReservation> builder)
    {
        builder.ToTable("passive_reservations");
        builder.HasKey(r => new { r.ClientAddress, r.Port });
        builder.Property(r => r.ClientAddress).HasMaxLength(64);
        builder.Property(r => r.RelayEndPoint).HasMaxLength(80);
        builder.HasOne<ClusterNode>().WithMany().HasForeignKey(r => r.NodeNumber).OnDelete(DeleteBehavior.Cascade);
    }
}
