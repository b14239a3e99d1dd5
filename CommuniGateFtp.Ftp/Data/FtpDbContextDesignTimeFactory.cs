using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class FtpDbContextDesignTimeFactory : IDesignTimeDbContextFactory<FtpDbContext>
{
    public FtpDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FtpDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__ftpdb") ?? "Host=localhost;Database=ftpdb")
            .Options);
}
