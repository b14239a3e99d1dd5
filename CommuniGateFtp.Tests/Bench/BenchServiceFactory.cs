using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Bench;

/// <summary>
/// The real service for the load tool's smoke: a certificate for the <c>--tls</c> scenarios, channels raised above the
/// default 20 as bench/run.sh raises them, and the account <see cref="User"/> with a 4 MiB file and a listing directory.
/// </summary>
public sealed class BenchServiceFactory : FtpServiceFactory, IAsyncLifetime
{
    public const string User = "bench";
    public const string Password = "Bench-Pass-1";
    public const int ListEntries = 300;

    private readonly string _certificates = Directory.CreateTempSubdirectory("cgftp-bench-tls-").FullName;

    // The base's InitializeAsync is not virtual: re-implementing the interface runs it first, then adds the files.
    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await CreateFtpAccountAsync(User, Password);
        var root = AccountRoot(User);
        Directory.CreateDirectory(Path.Combine(root, "listing"));
        TestFiles.Write(Path.Combine(root, "big.bin"), 4 << 20);
        for (var i = 0; i < ListEntries; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(root, "listing", $"entry{i:D4}.txt"), "x");
        }
    }

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings
    {
        get
        {
            var (certificate, key) = TestCertificate.WritePem(_certificates);
            return [new("Ftp:Tls:CertificatePath", certificate), new("Ftp:Tls:KeyPath", key)];
        }
    }

    protected override FtpServerSettings InitialSettings => base.InitialSettings with { Channels = 500 };

    /// <summary>The options naming this server and account, as the script passes them.</summary>
    public string[] ServerArgs => ["--port", FtpPort.ToString(), "--user", User, "--password", Password, "--label", "ours"];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_certificates, recursive: true);
    }
}
