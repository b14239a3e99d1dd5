using System.Net.Http.Json;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommuniGateFtp.Tests.Ftp.Accounts;

/// <summary>
/// A repeat of a successful login is answered from memory (no database round trip, no KDF), and whatever changes the
/// account — the API on this node, or a statement behind every node's back — is read afresh at the next login.
/// </summary>
public sealed class RepeatLoginTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private LoginCache Cache => service.Services.GetRequiredService<LoginCache>();

    private PasswordHashing Passwords => service.Services.GetRequiredService<PasswordHashing>();

    [Fact]
    public async Task A_repeat_login_reads_neither_the_database_nor_runs_the_kdf()
    {
        await service.CreateFtpAccountAsync("repeater", "repeat-pass-1");
        await LoginUntilKeptAsync("repeater", "repeat-pass-1");
        var (hits, fullChecks) = (Cache.Hits, Passwords.FullChecks);

        await LoginAsync("repeater", "repeat-pass-1");

        Assert.Equal(hits + 2, Cache.Hits); // the Domain of the local address and the account
        Assert.Equal(fullChecks, Passwords.FullChecks);
    }

    [Fact]
    public async Task A_wrong_password_is_checked_in_full_although_the_account_is_in_memory()
    {
        await service.CreateFtpAccountAsync("guessed", "guessed-pass-1");
        await LoginUntilKeptAsync("guessed", "guessed-pass-1");
        var fullChecks = Passwords.FullChecks;

        Assert.StartsWith("530", await PassAsync("guessed", "guessed-pass-2"));

        Assert.Equal(fullChecks + 1, Passwords.FullChecks);
    }

    [Fact]
    public async Task An_account_disabled_through_the_api_is_refused_at_its_next_login()
    {
        await service.CreateFtpAccountAsync("disabled", "disabled-pass-1");
        await LoginUntilKeptAsync("disabled", "disabled-pass-1");
        using var admin = await service.CreateAdminClientAsync();

        (await admin.PatchAsJsonAsync($"/api/accounts/{FtpServiceFactory.MainDomain}/disabled", new { enabled = false })).EnsureSuccessStatusCode();

        Assert.StartsWith("530", await PassAsync("disabled", "disabled-pass-1"));
    }

    [Fact]
    public async Task A_password_changed_behind_every_nodes_back_is_read_afresh_once_the_database_notifies()
    {
        await service.CreateFtpAccountAsync("rehashed", "old-pass-1");
        await LoginUntilKeptAsync("rehashed", "old-pass-1");
        var login = new LoginName("rehashed", null);

        // Straight to the table, as an operator's script would: no save of this process sees it, only the trigger.
        await using (var connection = new NpgsqlConnection(service.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("""UPDATE accounts SET "PasswordHash" = $1 WHERE "Name" = 'rehashed'""", connection);
            update.Parameters.AddWithValue(Passwords.Hash("new-pass-1"));
            await update.ExecuteNonQueryAsync();
        }

        await Eventually.HoldsAsync(() =>
        {
            Assert.False(Cache.TryGetAccount(login, out _));
            return Task.CompletedTask;
        });
        Assert.StartsWith("530", await PassAsync("rehashed", "old-pass-1"));
        await LoginAsync("rehashed", "new-pass-1");
    }

    // The account's creation is heard (NOTIFY) a moment after it: a login that read it before that is not kept.
    private Task LoginUntilKeptAsync(string user, string password) => Eventually.HoldsAsync(async () =>
    {
        await LoginAsync(user, password);
        Assert.True(Cache.TryGetAccount(new LoginName(user, null), out _));
    });

    private async Task LoginAsync(string user, string password) =>
        Assert.StartsWith("230", await PassAsync(user, password));

    private async Task<string> PassAsync(string user, string password)
    {
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort);
        Assert.StartsWith("331", await client.CommandAsync($"USER {user}"));
        return await client.CommandAsync($"PASS {password}");
    }
}
