using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>
/// PUT replaces the whole settings document, PATCH (RFC 7396) changes only what it sends: over real HTTP on a real
/// database, with the Listener table as the member a partial PUT used to lose.
/// </summary>
public sealed class SettingsApiTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await service.CreateAdminClientAsync();
        await service.ApplySettingsAsync();
    }

    public ValueTask DisposeAsync()
    {
        _admin.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Patch_of_channels_keeps_the_stored_listener_table_and_every_other_setting()
    {
        var table = await PutTableAsync();
        var before = await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp");

        var patched = await _admin.PatchAsync("/api/settings/ftp", Body("""{"channels": 2000}""", "application/merge-patch+json"));

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp");
        Assert.Equal(2000, after.GetProperty("channels").GetInt32());
        Assert.Equal(table, after.GetProperty("listener").GetRawText());
        foreach (var member in before.EnumerateObject().Where(m => m.Name != "channels"))
        {
            Assert.Equal(member.Value.GetRawText(), after.GetProperty(member.Name).GetRawText());
        }
    }

    [Fact]
    public async Task Patch_with_null_listener_returns_to_the_start_up_socket()
    {
        await PutTableAsync();
        var patched = await _admin.PatchAsync("/api/settings/ftp", Body("""{"listener": null}""", "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var row = Assert.Single((await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp/listener")).EnumerateArray());
        Assert.Equal("", row.GetProperty("allowedClients").GetString());
    }

    [Fact]
    public async Task Patch_is_validated_like_put_and_changes_nothing_when_refused()
    {
        var refused = await _admin.PatchAsync("/api/settings/ftp", Body("""{"channels": 5, "passivePortMin": 2000, "passivePortMax": 1000}""", "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("passivePortMin 2000 is above passivePortMax 1000", await refused.Content.ReadAsStringAsync());
        Assert.Equal(20, (await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("channels").GetInt32());
    }

    [Fact]
    public async Task Patch_with_an_unknown_member_is_refused_naming_it()
    {
        var refused = await _admin.PatchAsync("/api/settings/ftp", Body("""{"channels": 5, "channelz": null}""", "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("channelz", out _));
        Assert.Equal(20, (await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("channels").GetInt32());
    }

    [Fact]
    public async Task Patch_in_another_patch_format_gets_415()
    {
        var refused = await _admin.PatchAsync("/api/settings/ftp",
            Body("""[{"op": "replace", "path": "/channels", "value": 5}]""", "application/json-patch+json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("application/merge-patch+json", refused.Headers.GetValues("Accept-Patch").Single());
    }

    [Fact]
    public async Task Put_of_a_partial_document_is_refused_naming_every_missing_member_and_changes_nothing()
    {
        var table = await PutTableAsync();

        var refused = await _admin.PutAsync("/api/settings/ftp", Body("""{"channels": 2000}""", "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var members = (await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).EnumerateObject().Select(m => m.Name).ToList();
        Assert.Equal(members.Where(m => m != "channels").Order(), errors.EnumerateObject().Select(e => e.Name).Order());
        var after = await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp");
        Assert.Equal(20, after.GetProperty("channels").GetInt32());
        Assert.Equal(table, after.GetProperty("listener").GetRawText());
    }

    [Fact]
    public async Task Put_of_the_document_as_get_shows_it_with_one_change_applies_it()
    {
        var document = (await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetRawText().Replace("\"channels\":20", "\"channels\":30");
        var put = await _admin.PutAsync("/api/settings/ftp", Body(document, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(30, (await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("channels").GetInt32());
    }

    [Fact]
    public async Task Put_of_the_listener_table_keeps_the_other_settings()
    {
        (await _admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 33 })).EnsureSuccessStatusCode();
        await PutTableAsync();
        Assert.Equal(33, (await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("channels").GetInt32());
    }

    // The start-up port again, now stored and restricted to loopback clients: a table different from the start-up one.
    private async Task<string> PutTableAsync()
    {
        var rows = new[] { new ListenerSocket { Port = service.FtpPort, AllowedClients = "127.0.0.0/8" } };
        var response = await _admin.PutAsJsonAsync("/api/settings/ftp/listener", rows);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetRawText();
    }

    private static StringContent Body(string json, string mediaType) => new(json, Encoding.UTF8, mediaType);
}
