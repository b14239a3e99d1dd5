using System.Globalization;
using CommuniGateFtp.Ftp.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>
/// Keeps <see cref="AclPresence"/> true on this node while other nodes change ACLs: LISTENs on PostgreSQL for the owner
/// whose ACLs changed (payload: the owner's id, or <c>*</c> for many, then the sending node), and forgets everything
/// whenever it starts or resumes listening, since changes made meanwhile were not heard.
/// </summary>
public sealed class AclNotifications(AclPresence presence, IServiceScopeFactory scopes, ILogger<AclNotifications> logger) : BackgroundService
{
    /// <summary>The PostgreSQL channel of ACL changes.</summary>
    public const string Channel = "ftp_acl_changed";

    /// <summary>Every owner's ACLs may have changed.</summary>
    public const string Everyone = "*";

    private readonly ResiliencePipeline _reconnect = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<IOException>().Handle<TimeoutException>(),
            MaxRetryAttempts = int.MaxValue,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(30),
            OnRetry = args =>
            {
                logger.LogWarning("Listening for ACL changes failed ({Message}); again in {Delay}", args.Outcome.Exception?.Message, args.RetryDelay);
                presence.ForgetAll(); // nobody hears changes meanwhile: nothing remembered is trusted
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _reconnect.ExecuteAsync(async ct => await ListenAsync(ct), stoppingToken).AsTask();

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<FtpDbContext>().Database.GetConnectionString()!;
        }
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) => Heard(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        presence.ForgetAll(); // whatever changed while we were not listening
        while (!cancellationToken.IsCancellationRequested)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The payload of a notification: which owner (or <see cref="Everyone"/>), from which node.</summary>
    public static string Payload(string owner, string node) => $"{owner} {node}";

    private void Heard(string payload)
    {
        var parts = payload.Split(' ');
        if (parts.Length == 2 && parts[1] == presence.Node)
        {
            return; // our own change: already applied here
        }
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ownerId))
        {
            presence.Forget(ownerId);
        }
        else
        {
            presence.ForgetAll();
        }
    }
}
