using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommuniGateFtp.Tests.Ftp.Data;

/// <summary>
/// The session path's database budget on a real PostgreSQL: a call the database does not answer in time is an outage,
/// unless the database keeps answering others meanwhile — then it is busy, and the call waits on (issue 17's soak
/// under load read a busy database as a lost one).
/// </summary>
public sealed class SessionDatabaseTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private static readonly TimeSpan Slow = SessionDatabase.Budget + TimeSpan.FromSeconds(2);

    private Task SlowCallAsync(SessionDatabase database) =>
        database.RunAsync((db, ct) => db.Database.ExecuteSqlAsync($"SELECT pg_sleep({Slow.TotalSeconds})", ct), CancellationToken.None);

    [Fact]
    public async Task A_call_past_the_budget_while_others_are_answered_waits_for_its_answer()
    {
        var database = service.Services.GetRequiredService<SessionDatabase>();
        using var stop = new CancellationTokenSource();
        var others = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await database.RunAsync((db, ct) => db.Accounts.AnyAsync(ct), CancellationToken.None);
                await Task.Delay(250);
            }
        });

        await SlowCallAsync(database); // no DatabaseUnavailableException

        await stop.CancelAsync();
        await others;
    }

    [Fact]
    public async Task A_call_past_the_budget_while_nobody_is_answered_is_an_outage()
    {
        var database = ActivatorUtilities.CreateInstance<SessionDatabase>(service.Services); // no other traffic on this one

        await Assert.ThrowsAsync<DatabaseUnavailableException>(() => SlowCallAsync(database));
    }
}
