using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>ETags, If-Match and the partial-update routes of accounts and domains (RFC 9110 13.1), on a real database.</summary>
public sealed class EntityPreconditionTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private const string Domain = FtpServiceFactory.MainDomain;

    [Fact]
    public async Task Account_etag_changes_when_the_account_changes()
    {
        using var admin = await service.CreateAdminClientAsync();
        var path = await CreateAccountAsync(admin, "tagged");
        var before = (await admin.GetAsync(path)).Headers.ETag!;
        var changed = await admin.PutAsJsonAsync(path, new { storageSizeLimit = "5M" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(before, changed.Headers.ETag);
        Assert.Equal(changed.Headers.ETag, (await admin.GetAsync(path)).Headers.ETag);
        Assert.False(changed.Headers.ETag!.IsWeak);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Account_change_with_a_stale_if_match_gets_412_and_changes_nothing(string method)
    {
        using var admin = await service.CreateAdminClientAsync();
        var path = await CreateAccountAsync(admin, $"stale-{method.ToLowerInvariant()}");
        var stale = (await admin.GetAsync(path)).Headers.ETag!;
        (await admin.PutAsJsonAsync(path, new { storageSizeLimit = "5M" })).EnsureSuccessStatusCode(); // another administrator

        var refused = await SendAsync(admin, new HttpMethod(method), path, new { storageSizeLimit = "7M" }, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal((await admin.GetAsync(path)).Headers.ETag, refused.Headers.ETag);
        Assert.Equal("5242880", (await admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("storageSizeLimit").GetString());
    }

    [Fact]
    public async Task Account_patch_changes_only_the_members_sent()
    {
        using var admin = await service.CreateAdminClientAsync();
        var path = await CreateAccountAsync(admin, "patched");
        (await admin.PatchAsJsonAsync(path, new { storageSizeLimit = "5M" })).EnsureSuccessStatusCode();
        var tag = (await admin.GetAsync(path)).Headers.ETag!;
        var patched = await SendAsync(admin, HttpMethod.Patch, path, new { storageFilesLimit = "9" }, tag);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var account = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("5242880", account.GetProperty("storageSizeLimit").GetString());
        Assert.Equal("9", account.GetProperty("storageFilesLimit").GetString());
        Assert.Equal(["FTP"], account.GetProperty("enabledServices").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Of_concurrent_account_changes_with_one_etag_exactly_one_is_saved()
    {
        using var admin = await service.CreateAdminClientAsync();
        var path = await CreateAccountAsync(admin, "raced");
        var tag = (await admin.GetAsync(path)).Headers.ETag!;
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            SendAsync(admin, HttpMethod.Put, path, new { storageFilesLimit = i.ToString() }, tag)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task Domain_read_carries_an_etag_and_answers_304_to_if_none_match()
    {
        using var admin = await service.CreateAdminClientAsync();
        var read = await admin.GetAsync($"/api/domains/{Domain}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Domain, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/domains/{Domain}") { Headers = { IfNoneMatch = { read.Headers.ETag! } } };
        Assert.Equal(HttpStatusCode.NotModified, (await admin.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/domains/missing.example")).StatusCode);
    }

    [Fact]
    public async Task Domain_change_with_a_stale_if_match_gets_412_and_with_the_current_one_is_saved()
    {
        using var admin = await service.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/domains", new { name = "tags.example" })).EnsureSuccessStatusCode();
        var stale = (await admin.GetAsync("/api/domains/tags.example")).Headers.ETag!;
        var first = await SendAsync(admin, HttpMethod.Patch, "/api/domains/tags.example", new { defaultStorageSizeLimit = "1M" }, stale);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var refused = await SendAsync(admin, HttpMethod.Put, "/api/domains/tags.example", new { defaultStorageSizeLimit = "2M" }, stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        var second = await SendAsync(admin, HttpMethod.Put, "/api/domains/tags.example", new { defaultStorageSizeLimit = "2M" }, first.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("2097152", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("defaultStorageSizeLimit").GetString());
    }

    private static async Task<string> CreateAccountAsync(HttpClient admin, string name)
    {
        (await admin.PostAsJsonAsync("/api/accounts", new { name, domain = Domain, password = "tagged-pass-1" })).EnsureSuccessStatusCode();
        return $"/api/accounts/{Domain}/{name}";
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient admin, HttpMethod method, string path, object body, EntityTagHeaderValue? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }
        return admin.SendAsync(request);
    }
}
