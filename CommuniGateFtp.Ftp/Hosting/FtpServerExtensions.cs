using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Cluster;
using CommuniGateFtp.Ftp.Commands;
using CommuniGateFtp.Ftp.Commands.Transfer;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Management;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Security.Gssapi;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;
using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Ftp.Telemetry.Archive;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Hosting;

/// <summary><c>AddFtpServer()</c>: the engine, its options, the database start-up work and the listener.</summary>
public static class FtpServerExtensions
{
    public static IHostApplicationBuilder AddFtpServer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FtpOptions>()
            .BindConfiguration(FtpOptions.SectionName, o => o.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FtpOptions>, FtpOptionsValidator>();
        services.AddSingleton<ITemporaryBlacklistStore, DatabaseBlacklistStore>(); // before the engine's memory default
        services.AddSingleton<ISharedPassivePorts>(sp => sp.GetRequiredService<SharedPassivePorts>()); // and its "none"
        services.AddFtpEngine();

        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<LoginCache>();
        services.AddSingleton<SessionDatabase>();
        services.AddSingleton<ISettingsStore, DatabaseSettingsStore>();
        services.AddSingleton<IAccountAuthenticator, DatabaseAccountAuthenticator>();
        services.AddSingleton<StorageUsage>();
        services.AddSingleton<IStorageUsage>(sp => sp.GetRequiredService<StorageUsage>());
        services.AddSingleton<AclPresence>();
        services.AddSingleton<IStorageOwners, DatabaseStorageOwners>();
        services.AddSingleton<IAccessControlStore, DatabaseAccessControlStore>();
        services.AddScoped<DatabaseSeeder>();
        services.AddSingleton<FtpConnectionHandler>();
        services.AddSingleton(sp => LogArchive.From(sp.GetRequiredService<IOptions<FtpOptions>>().Value));
        services.TryAddSingleton<SessionViews>();
        services.AddSingleton<ClusterIdentity>();
        services.AddSingleton<ClusterStore>();
        services.AddSingleton<ClusterRequests>();
        services.AddSingleton<ClusterRequestInbox>();
        services.AddSingleton<RemoteSessions>();
        services.AddSingleton<LocalSessionSummaries>();
        services.AddSingleton<PassiveReservationStore>();
        services.AddSingleton<SharedPassivePorts>();
        services.AddSingleton<SharedPassiveListeners>();

        // Order matters: the database is migrated and seeded before the listener accepts anyone; the log's file writer
        // starts first and so stops last, after the sessions' last records.
        services.AddHostedService<DailyLogWriter>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<ClusterPresence>();      // the node's range of session ids, before any session
        services.AddHostedService<StorageReconciler>();
        services.AddHostedService<SettingsNotifications>();
        services.AddHostedService<ClusterNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedPassiveListeners>());
        services.AddHostedService<AclNotifications>();
        services.AddHostedService<StorageUsageWriter>(); // stops after the listener: the last uploads' usage is written
        services.AddHostedService<BlacklistRefresher>();
        services.AddHostedService<GssapiStartup>();
        services.AddHostedService<IdleMemoryTrimmer>();
        services.AddSingleton<ControlSocketTransport>();
        services.AddSingleton<ConnectionAdmission>();
        services.AddSingleton<FtpListenerService>();
        services.AddHostedService(sp => sp.GetRequiredService<FtpListenerService>());
        return builder;
    }

    /// <summary>
    /// The protocol engine without hosting or database: session loop, dispatcher, every command handler, data channels,
    /// TLS, storage, live settings, the temporary blacklist (in memory unless an <see cref="ITemporaryBlacklistStore"/> is
    /// registered first) and the FTP log. The caller adds <see cref="IAccountAuthenticator"/>,
    /// <see cref="IStorageUsage"/>, <see cref="IStorageOwners"/> and <see cref="IAccessControlStore"/> (the database's, or a test's).
    /// </summary>
    public static IServiceCollection AddFtpEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        foreach (var handler in typeof(FtpServerExtensions).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFtpCommandHandler).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IFtpCommandHandler), handler);
        }
        services.AddSingleton<CommandRegistry>();
        services.AddSingleton<FtpCommandDispatcher>();
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<FtpSessionLoop>();
        services.TryAddSingleton<ISettingsStore, MemorySettingsStore>(); // the service brings the database's
        services.AddSingleton<LiveSettings>();
        services.TryAddSingleton<ITemporaryBlacklistStore, MemoryBlacklistStore>();
        services.AddSingleton<TemporaryBlacklist>();
        services.AddSingleton<FtpLogBook>();
        services.AddSingleton<FileStore>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<StorageChanges>();
        services.AddSingleton<UploadBody>();
        services.AddSingleton<FileWriteGate>();
        services.AddSingleton<ServerCertificate>();
        services.AddSingleton<TlsHandshake>();
        services.AddSingleton<DataChannelProtection>();
        services.AddSingleton<GssapiAcceptor>();
        services.AddSingleton<InlineSocketCompletions>();
        services.AddSingleton<PassivePortPool>();
        services.TryAddSingleton<ISharedPassivePorts, NoSharedPassivePorts>(); // the service brings the cluster's
        services.AddSingleton<WanAddressPolicy>();
        services.AddSingleton<DataChannelFactory>();
        services.AddSingleton<TransferEngine>();
        services.AddSingleton<DataPhase>();
        services.AddSingleton<TransferTracker>();
        services.AddSingleton<TransferHistory>();
        services.AddSingleton<LoginStatistics>();
        services.AddSingleton<TrafficHistory>();
        return services;
    }
}
