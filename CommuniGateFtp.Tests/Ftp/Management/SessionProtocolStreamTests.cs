using System.Net;
using System.Net.Http.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary><c>GET /api/sessions/{id}/log/stream</c>: one session's commands and replies while someone watches, PASS masked.</summary>
public sealed class SessionProtocolStreamTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private const string Password = "watched-Secret-77";

    public async ValueTask InitializeAsync() => await service.CreateFtpAccountAsync("viewed", Password);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_view_shows_each_command_and_reply_with_pass_masked_and_ends_when_the_session_closes()
    {
        using var admin = await service.CreateAdminClientAsync();
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort);
        var id = (await LiveSessions.FindAsync(admin, client.LocalPort)).GetProperty("id").GetInt64();
        using var view = await EventStreamReader.OpenAsync(admin, $"/api/sessions/{id}/log/stream");
        Assert.Equal("snapshot", (await view.NextAsync(LiveSessions.Wait))!.Name);

        Assert.StartsWith("331", await client.CommandAsync("USER viewed"));
        Assert.StartsWith("230", await client.CommandAsync($"PASS {Password}"));
        Assert.StartsWith("221", await client.CommandAsync("QUIT"));

        var dialogue = new List<string>();
        while (await view.NextAsync(LiveSessions.Wait) is { } next)
        {
            if (next.Name is "command" or "reply")
            {
                dialogue.Add($"{next.Name}: {next.Json.GetProperty("text").GetString()}");
            }
        }
        Assert.Equal(["command: USER viewed", "reply: 331 Password required", "command: PASS ***", "reply: 230 User viewed logged in",
            "command: QUIT", "reply: 221 Goodbye"], dialogue);
        Assert.Contains("event: closed", view.Raw);
    }

    [Fact]
    public async Task Nothing_said_before_anyone_watched_is_shown()
    {
        using var admin = await service.CreateAdminClientAsync();
        await using var client = await RawFtpClient.ConnectAsync(service.FtpPort, "viewed", Password);
        Assert.StartsWith("200", await client.CommandAsync("NOOP"));
        var id = (await LiveSessions.FindAsync(admin, client.LocalPort)).GetProperty("id").GetInt64();
        using var view = await EventStreamReader.OpenAsync(admin, $"/api/sessions/{id}/log/stream");
        Assert.Equal("snapshot", (await view.NextAsync(LiveSessions.Wait))!.Name);

        Assert.StartsWith("257", await client.CommandAsync("PWD"));
        var first = await view.UntilAsync(e => e.Name is "command" or "reply", LiveSessions.Wait);
        Assert.Equal("PWD", first.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_password_appears_in_no_stream_even_at_the_most_detailed_log_level()
    {
        using var admin = await service.CreateAdminClientAsync();
        (await admin.PatchAsJsonAsync("/api/settings/ftp", new { logLevel = "AllInfo" })).EnsureSuccessStatusCode();
        try
        {
            await using var client = await RawFtpClient.ConnectAsync(service.FtpPort);
            var id = (await LiveSessions.FindAsync(admin, client.LocalPort)).GetProperty("id").GetInt64();
            using var view = await EventStreamReader.OpenAsync(admin, $"/api/sessions/{id}/log/stream");
            using var sessions = await EventStreamReader.OpenAsync(admin, "/api/sessions/stream");
            using var log = await EventStreamReader.OpenAsync(admin, "/api/log/stream?format=json");
            Assert.StartsWith("331", await client.CommandAsync("USER viewed"));
            Assert.StartsWith("230", await client.CommandAsync($"PASS {Password}"));
            Assert.StartsWith("221", await client.CommandAsync("QUIT"));

            await view.UntilAsync(e => e.Name == "closed", LiveSessions.Wait);
            await sessions.UntilAsync(e => e.Name == "closed" && e.Json.GetProperty("id").GetInt64() == id, LiveSessions.Wait);
            await log.UntilAsync(e => e.Name == "record" && e.Json.GetProperty("sessionId").GetInt64() == id
                && e.Json.GetProperty("text").GetString()!.StartsWith("disconnected"), LiveSessions.Wait);
            Assert.Contains("PASS ***", view.Raw);
            Assert.Contains("PASS ***", log.Raw);
            foreach (var raw in new[] { view.Raw, sessions.Raw, log.Raw })
            {
                Assert.DoesNotContain(Password, raw);
            }
        }
        finally
        {
            (await admin.PatchAsJsonAsync("/api/settings/ftp", new { logLevel = "Problems" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_session_that_does_not_exist_has_no_view()
    {
        using var admin = await service.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/sessions/999999/log/stream")).StatusCode);
    }
}
