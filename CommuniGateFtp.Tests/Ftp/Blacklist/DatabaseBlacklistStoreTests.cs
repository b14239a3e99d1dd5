using System.Net;
using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommuniGateFtp.Tests.Ftp.Blacklist;

/// <summary>
/// The temporary blacklist in a real PostgreSQL database, with explicit instants. Two service providers over one
/// database are two nodes.
/// </summary>
public sealed class DatabaseBlacklistStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly BlacklistPolicy Policy = new(20, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromHours(4));
    private static readonly IPAddress Offender = IPAddress.Parse("192.0.2.7");

    private readonly List<ServiceProvider> _nodes = [];
    private string _connectionString = "";

    public async ValueTask InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var scope = Node().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FtpDbContext>().Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private ServiceProvider Node()
    {
        var node = new ServiceCollection().AddDbContext<FtpDbContext>(o => o.UseNpgsql(_connectionString)).BuildServiceProvider();
        _nodes.Add(node);
        return node;
    }

    private DatabaseBlacklistStore Store() => new(Node().GetRequiredService<IServiceScopeFactory>());

    [Fact]
    public async Task Two_nodes_counting_one_address_at_once_count_every_failure()
    {
        var (first, second) = (Store(), Store());
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).CountAsync(Offender, 1, Policy, Start.AddSeconds(i), CancellationToken.None))));

        var blocked = Assert.Single(await first.BlockedAsync(Start.AddMinutes(1), CancellationToken.None));
        Assert.Equal(Offender, blocked.Address);
        Assert.Equal(20, blocked.Failures);
        Assert.Equal(1, blocked.Offences);
    }

    [Fact]
    public async Task A_repeat_offence_is_remembered_and_blocks_twice_as_long()
    {
        var store = Store();
        await store.CountAsync(Offender, 20, Policy, Start, CancellationToken.None);
        var again = await store.CountAsync(Offender, 20, Policy, Start.AddMinutes(15), CancellationToken.None);
        Assert.Equal(2, again.Offences);
        Assert.Equal(Start.AddMinutes(35), again.BlockedUntil);
    }

    [Fact]
    public async Task Lifting_forgets_the_address()
    {
        var store = Store();
        await store.CountAsync(Offender, 20, Policy, Start, CancellationToken.None);
        Assert.True(await store.LiftAsync(Offender, CancellationToken.None));
        Assert.Empty(await store.BlockedAsync(Start, CancellationToken.None));
        Assert.False(await store.LiftAsync(Offender, CancellationToken.None));
    }

    [Fact]
    public async Task Quiet_addresses_are_forgotten_and_blocked_ones_kept()
    {
        var store = Store();
        var quiet = IPAddress.Parse("192.0.2.9");
        await store.CountAsync(quiet, 1, Policy, Start, CancellationToken.None);
        await store.CountAsync(Offender, 20, Policy with { BlockTime = TimeSpan.FromDays(2), MaxBlockTime = TimeSpan.FromDays(2) }, Start,
            CancellationToken.None);

        await store.ForgetAsync(Start.AddDays(1), CancellationToken.None);

        Assert.False(await store.LiftAsync(quiet, CancellationToken.None));
        Assert.Equal(Offender, Assert.Single(await store.BlockedAsync(Start.AddDays(1), CancellationToken.None)).Address);
    }
}
