using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// The rate limits of <c>POST /api/auth/token</c>, fixed windows of a minute: per client address through ASP.NET Core's
/// rate limiter middleware (policy <see cref="PerAddressPolicy"/>), per account name in the endpoint (the name is in the
/// body, which the middleware does not read; only failures count there). Sizes come from the live settings and are part of the partition key, so
/// a change applies at once. White Hole addresses are not limited.
/// </summary>
public sealed class TokenRateLimits : IDisposable
{
    public const string PerAddressPolicy = "token-per-address";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<(string Account, int Limit)> _perAccount =
        PartitionedRateLimiter.Create<(string Account, int Limit), (string Account, int Limit)>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, k => FixedWindow(k.Limit)));

    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddSingleton<TokenRateLimits>();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext.Response, RetryAfter(context.Lease));
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(PerAddressPolicy, context =>
            {
                var address = context.Connection.RemoteIpAddress is { } remote ? ClientAddress.Normalize(remote) : IPAddress.None;
                var blacklist = context.RequestServices.GetRequiredService<TemporaryBlacklist>();
                if (blacklist.IsUnblacklistable(address))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var limit = context.RequestServices.GetRequiredService<LiveSettings>().Current.TokenRequestsPerAddress;
                return RateLimitPartition.GetFixedWindowLimiter($"{address}/{limit}", _ => FixedWindow(limit));
            });
        });
    }

    /// <summary>
    /// Whether <paramref name="account"/> may try now: it has failures left in this window. Only failures are charged
    /// (<see cref="ChargeFailure"/>), so an administrator who signs in often is never held up by the account limit.
    /// </summary>
    public RateLimitLease CheckAccount(string account, int limit) => _perAccount.AttemptAcquire((account, limit), permitCount: 0);

    /// <summary>A failed request for <paramref name="account"/> takes one of its allowance.</summary>
    public void ChargeFailure(string account, int limit) => _perAccount.AttemptAcquire((account, limit)).Dispose();

    /// <summary>How long a refused caller should wait: the lease's own figure, else a whole window.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;

    /// <summary>RFC 9110 10.2.3: whole seconds, at least one.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _perAccount.Dispose();

    private static FixedWindowRateLimiterOptions FixedWindow(int limit) => new() { PermitLimit = limit, Window = Window, QueueLimit = 0 };
}
