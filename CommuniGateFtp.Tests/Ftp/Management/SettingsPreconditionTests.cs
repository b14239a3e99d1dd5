using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;
using Npgsql;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>
/// ETags and If-Match on the settings routes (RFC 9110 13.1): a save never overwrites another administrator's unseen
/// one, on this node or another (a direct write to the shared database plays the other node).
/// </summary>
public sealed class SettingsPreconditionTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
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
    public async Task Every_save_gives_a_new_etag_even_when_nothing_changed()
    {
        var first = await ETagAsync("/api/settings/ftp");
        var saved = await SendAsync(HttpMethod.Patch, "/api/settings/ftp", """{"channels": 20}""");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var second = saved.Headers.ETag!;
        Assert.NotEqual(first, second);
        Assert.False(second.IsWeak);
        Assert.Equal(second, await ETagAsync("/api/settings/ftp"));
        Assert.Equal(second, await ETagAsync("/api/settings/ftp/listener"));
    }

    [Fact]
    public async Task Patch_with_the_current_etag_in_if_match_is_saved()
    {
        var tag = await ETagAsync("/api/settings/ftp");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Patch, "/api/settings/ftp", """{"channels": 21}""", tag)).StatusCode);
        Assert.Equal(21, await ChannelsAsync());
    }

    [Theory]
    [InlineData("PATCH", "/api/settings/ftp", """{"channels": 22}""")]
    [InlineData("PUT", "/api/settings/ftp/listener", """[]""")]
    public async Task A_write_with_a_stale_if_match_gets_412_and_changes_nothing(string method, string path, string body)
    {
        var stale = await ETagAsync("/api/settings/ftp");
        (await _admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 23 })).EnsureSuccessStatusCode(); // another administrator

        var refused = await SendAsync(new HttpMethod(method), path, body, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await ETagAsync("/api/settings/ftp"), refused.Headers.ETag);
        Assert.Equal(23, await ChannelsAsync());
        Assert.NotEmpty((await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp/listener")).EnumerateArray());
    }

    [Fact]
    public async Task Put_with_a_stale_if_match_gets_412()
    {
        var document = await _admin.GetAsync("/api/settings/ftp");
        (await _admin.PatchAsJsonAsync("/api/settings/ftp", new { channels = 24 })).EnsureSuccessStatusCode();
        var refused = await SendAsync(HttpMethod.Put, "/api/settings/ftp", await document.Content.ReadAsStringAsync(), document.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(24, await ChannelsAsync());
    }

    [Fact]
    public async Task A_save_by_another_node_changes_the_etag_through_notify()
    {
        var before = await ETagAsync("/api/settings/ftp");
        await SaveAsAnotherNodeAsync(notify: true);
        await Eventually.HoldsAsync(async () => Assert.NotEqual(before, await ETagAsync("/api/settings/ftp")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Patch, "/api/settings/ftp", """{"channels": 25}""", before)).StatusCode);
    }

    [Fact]
    public async Task If_match_naming_another_nodes_save_not_yet_heard_of_is_honoured()
    {
        var theirs = await SaveAsAnotherNodeAsync(notify: false);
        var saved = await SendAsync(HttpMethod.Patch, "/api/settings/ftp", """{"channels": 26}""", theirs);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp");
        Assert.Equal(26, after.GetProperty("channels").GetInt32());
        Assert.True(after.GetProperty("legacyList").GetBoolean()); // the other node's change was the base
    }

    [Fact]
    public async Task Get_with_if_none_match_of_the_current_etag_answers_304()
    {
        var tag = await ETagAsync("/api/settings/ftp");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/settings/ftp") { Headers = { IfNoneMatch = { tag } } };
        using var response = await _admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(tag, response.Headers.ETag);
    }

    [Fact]
    public async Task Concurrent_patches_of_different_members_all_survive()
    {
        var patches = new[]
        {
            """{"channels": 27}""", """{"legacyList": true}""", """{"allowCcc": true}""", """{"maxLoginFailures": 7}""",
            """{"passiveMode": false}""", """{"logLevel": "Major"}""", """{"lanIps": "10.0.0.0/8"}""", """{"wanAddress": "198.51.100.9"}""",
        };
        var responses = await Task.WhenAll(patches.Select(p => SendAsync(HttpMethod.Patch, "/api/settings/ftp", p)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var after = await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp");
        Assert.Equal(27, after.GetProperty("channels").GetInt32());
        Assert.True(after.GetProperty("legacyList").GetBoolean());
        Assert.True(after.GetProperty("allowCcc").GetBoolean());
        Assert.Equal(7, after.GetProperty("maxLoginFailures").GetInt32());
        Assert.False(after.GetProperty("passiveMode").GetBoolean());
        Assert.Equal("Major", after.GetProperty("logLevel").GetString());
        Assert.Equal("10.0.0.0/8", after.GetProperty("lanIps").GetString());
        Assert.Equal("198.51.100.9", after.GetProperty("wanAddress").GetString());
    }

    // Writes the settings row as another node would; without NOTIFY this node does not know yet. Returns its ETag.
    private async Task<EntityTagHeaderValue> SaveAsAnotherNodeAsync(bool notify)
    {
        await using var otherNode = new NpgsqlConnection(service.ConnectionString);
        await otherNode.OpenAsync();
        await using var save = new NpgsqlCommand($$"""
            UPDATE settings SET "Value" = "Value" || '{"legacyList": true}', "UpdatedAt" = now() WHERE "Key" = 'ftp' RETURNING xmin::text;
            {{(notify ? "NOTIFY cgftp_settings;" : "")}}
            """, otherNode);
        return new EntityTagHeaderValue($"\"{await save.ExecuteScalarAsync()}\"");
    }

    private async Task<EntityTagHeaderValue> ETagAsync(string path)
    {
        using var response = await _admin.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag ?? throw new InvalidOperationException($"{path} sent no ETag");
    }

    private async Task<int> ChannelsAsync() =>
        (await _admin.GetFromJsonAsync<JsonElement>("/api/settings/ftp")).GetProperty("channels").GetInt32();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body, EntityTagHeaderValue? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }
        return await _admin.SendAsync(request);
    }
}
