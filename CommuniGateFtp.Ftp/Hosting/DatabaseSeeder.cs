using System.Net;
using System.Security.Cryptography;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.Management;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary>
/// On an empty database: the Main Domain and its administrator <c>postmaster</c> (CommuniGate Pro's convention)
/// with the configured admin password; on every start: the API's token signing key, shared by all nodes.
/// </summary>
public sealed class DatabaseSeeder(FtpDbContext db, PasswordHashing passwords, IOptions<FtpOptions> options,
    TokenSigningKey signingKey, TimeProvider time, ILogger<DatabaseSeeder> logger)
{
    public const string AdministratorName = "postmaster";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Domains.AnyAsync(cancellationToken))
        {
            await CreateMainDomainAsync(cancellationToken);
        }
        signingKey.Key = await LoadOrCreateSigningKeyAsync(cancellationToken);
    }

    private async Task CreateMainDomainAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var name = DomainName.Normalize(string.IsNullOrWhiteSpace(settings.MainDomain) ? MachineDomain() : settings.MainDomain);
        if (string.IsNullOrEmpty(settings.AdminPassword))
        {
            throw new InvalidOperationException(
                "The database is empty and Ftp:AdminPassword is not set: the administrator 'postmaster' needs a password " +
                "(the AppHost passes its 'admin-password' parameter).");
        }
        var now = time.GetUtcNow();
        var domain = new Domain { Name = name, IsMain = true, CreatedAt = now };
        domain.Accounts.Add(new Account
        {
            Name = AdministratorName,
            PasswordHash = passwords.Hash(settings.AdminPassword),
            IsAdministrator = true,
            EnabledServices = [AccountServices.Ftp],
            CreatedAt = now,
        });
        db.Domains.Add(domain);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the Main Domain {Domain} with its administrator {Administrator}", name, $"{AdministratorName}@{name}");
    }

    private async Task<byte[]> LoadOrCreateSigningKeyAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Settings.FindAsync([TokenSigningKey.SettingKey], cancellationToken);
        if (stored is not null)
        {
            return Convert.FromBase64String(System.Text.Json.JsonSerializer.Deserialize<string>(stored.Value)!);
        }
        var key = RandomNumberGenerator.GetBytes(64);
        db.Settings.Add(new ServerSetting
        {
            Key = TokenSigningKey.SettingKey,
            Value = System.Text.Json.JsonSerializer.Serialize(Convert.ToBase64String(key)),
            UpdatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    // CGP names the Main Domain after the computer; a name that is not a valid domain falls back to localhost.
    private static string MachineDomain()
    {
        var host = Dns.GetHostName().ToLowerInvariant();
        return DomainName.IsValid(host) ? host : "localhost";
    }
}
