using Aspire.Hosting;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>
/// The whole system as <c>dotnet run --project CommuniGateFtp.AppHost</c> starts it — PostgreSQL, ftp and admin —
/// through Aspire.Hosting.Testing, on free ports and a throwaway PostgreSQL data directory. Shared by the
/// <see cref="EndToEndCollection"/>.
/// </summary>
public sealed class AspireAppFixture : IAsyncLifetime
{
    public const string AdminPassword = "E2e-Admin-Pass-1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private DirectoryInfo? _dataRoot;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The application did not start.");

    public int FtpPort { get; } = TestPorts.ControlPort();

    public string? StartFailure { get; private set; }

    /// <summary>
    /// The Kerberos realm whose keytab the AppHost hands to the ftp service (<c>Gssapi:Keytab</c>), when installed: the
    /// process's shared one, which the in-process GSSAPI services and clients use too (it outlives this fixture).
    /// </summary>
    public KerberosRealm? Realm { get; private set; }

    /// <summary>Why the realm could not be made although the packages are installed, or null.</summary>
    public string? RealmFailure { get; private set; }

    /// <summary>The data directory of the local PostgreSQL server the AppHost runs.</summary>
    public string PostgresDataDirectory => Path.Combine(_dataRoot!.FullName, "postgres");

    /// <summary>The File Storage root the AppHost gives the Ftp service.</summary>
    public string StorageRoot => Path.Combine(_dataRoot!.FullName, "storage");

    public async ValueTask InitializeAsync()
    {
        if (!Directory.Exists("/usr/lib/postgresql") && Environment.GetEnvironmentVariable("ConnectionStrings__ftpdb") is null)
        {
            StartFailure = "PostgreSQL server binaries are not installed (apt-get install postgresql)";
            return;
        }
        _dataRoot = Directory.CreateTempSubdirectory("cgftp-e2e-");
        try
        {
            Realm = KerberosRealm.IsInstalled ? KerberosRealm.Shared : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RealmFailure = ex.Message; // only the Kerberos test fails for it, not the whole collection
        }
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CommuniGateFtp_AppHost>(
        [
            $"--Ftp:Port={FtpPort}",
            $"--Postgres:DataDirectory={PostgresDataDirectory}",
            $"--Parameters:admin-password={AdminPassword}",
            $"--Ftp:StorageRoot={StorageRoot}",
            .. Realm is null ? Array.Empty<string>() : [$"--Gssapi:Keytab={Realm.Keytab}"],
        ]);
        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in new[] { "ftp", "admin" })
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
        // Every test signs in from loopback, and the WebAdmin signs its operators in from there too: as a White Hole it
        // is spared the token limits and the temporary blacklist, which their own tests cover on other addresses.
        using var api = await ManagementClient.CreateAsync(this);
        (await api.PatchAsJsonAsync("/api/settings/ftp", new { unblacklistableIps = "127.0.0.1\n::1" }, timeout.Token)).EnsureSuccessStatusCode();
    }

    /// <summary>Skips or fails (CI) the calling test when the system could not be started for lack of a tool.</summary>
    public void RequireStarted()
    {
        if (StartFailure is not null)
        {
            RequiredTool.Missing("postgresql", StartFailure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _dataRoot?.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<AspireAppFixture>
{
    public const string Name = "EndToEnd";
}
