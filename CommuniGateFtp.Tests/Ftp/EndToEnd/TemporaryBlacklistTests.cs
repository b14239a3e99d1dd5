using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>Temporary blacklisting (CGP) on real sockets: failed logins from one address across connections.</summary>
public sealed class TemporaryBlacklistTests(BlacklistServiceFactory service) : IClassFixture<BlacklistServiceFactory>
{
    public const string Blacklisted = "421 Too many failures from your address, try again later\r\n";

    private IPEndPoint Server => new(IPAddress.Loopback, service.FtpPort);

    /// <summary>One connection from <paramref name="from"/> with one wrong password; the answer to PASS.</summary>
    public static async Task<string> FailLoginAsync(IPEndPoint server, string from)
    {
        await using var client = await RawFtpClient.ConnectAsync(server, IPAddress.Parse(from));
        Assert.StartsWith("331", await client.CommandAsync("USER nobody"));
        return await client.CommandAsync("PASS wrong-password");
    }

    [Fact]
    public async Task Failed_logins_over_several_connections_blacklist_the_address_while_others_log_in()
    {
        await service.CreateFtpAccountAsync("still", "still-pass-1");
        Assert.StartsWith("530", await FailLoginAsync(Server, "127.0.0.2"));
        Assert.StartsWith("530", await FailLoginAsync(Server, "127.0.0.2"));
        Assert.StartsWith("421", await FailLoginAsync(Server, "127.0.0.2")); // the failure that blacklists closes at once

        Assert.Equal(Blacklisted, await RawFtpClient.RefusalAsync(service.FtpPort, IPAddress.Parse("127.0.0.2")));
        await using var other = await RawFtpClient.ConnectAsync(Server, IPAddress.Loopback, "still", "still-pass-1");
        Assert.StartsWith("257", await other.CommandAsync("PWD"));

        using var admin = await service.CreateAdminClientAsync();
        var log = await admin.GetFromJsonAsync<List<string>>("/api/log");
        Assert.Contains(log!, l => l.Contains(" 2 FTP-000000([127.0.0.2]) temporarily blacklisted for 00:10:00 (offence 1): 3 failures"));
    }

    [Fact]
    public async Task White_hole_address_is_never_blacklisted()
    {
        await service.CreateFtpAccountAsync("hole", "hole-pass-1");
        for (var i = 0; i < 5; i++)
        {
            Assert.StartsWith("530", await FailLoginAsync(Server, BlacklistServiceFactory.WhiteHole));
        }
        await using var client = await RawFtpClient.ConnectAsync(Server, IPAddress.Parse(BlacklistServiceFactory.WhiteHole), "hole", "hole-pass-1");
        using var admin = await service.CreateAdminClientAsync();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/blacklist/temporary");
        Assert.DoesNotContain(list.EnumerateArray(), e => e.GetProperty("address").GetString() == BlacklistServiceFactory.WhiteHole);
    }

    [Fact]
    public async Task The_api_lists_a_blacklisted_address_and_lifting_it_lets_it_in_again()
    {
        await service.CreateFtpAccountAsync("lifted", "lifted-pass-1");
        for (var i = 0; i < 3; i++)
        {
            await FailLoginAsync(Server, "127.0.0.4");
        }
        Assert.Equal(Blacklisted, await RawFtpClient.RefusalAsync(service.FtpPort, IPAddress.Parse("127.0.0.4")));

        using var admin = await service.CreateAdminClientAsync();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/blacklist/temporary");
        var entry = Assert.Single(list.EnumerateArray(), e => e.GetProperty("address").GetString() == "127.0.0.4");
        Assert.Equal(3, entry.GetProperty("failures").GetInt32());
        Assert.Equal(1, entry.GetProperty("offences").GetInt32());
        Assert.Equal(TimeSpan.FromMinutes(10), entry.GetProperty("until").GetDateTimeOffset() - entry.GetProperty("since").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/blacklist/temporary/127.0.0.4")).StatusCode);
        await using var client = await RawFtpClient.ConnectAsync(Server, IPAddress.Parse("127.0.0.4"), "lifted", "lifted-pass-1");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/blacklist/temporary/127.0.0.4")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.DeleteAsync("/api/blacklist/temporary/not-an-address")).StatusCode);
    }

    [Fact]
    public async Task The_live_stream_shows_a_block_as_it_starts_and_its_end_when_lifted()
    {
        using var admin = await service.CreateAdminClientAsync();
        using var stream = await EventStreamReader.OpenAsync(admin, "/api/blacklist/temporary/stream");
        var snapshot = (await stream.NextAsync(TimeSpan.FromSeconds(10)))!;
        Assert.Equal("snapshot", snapshot.Name);
        Assert.False(string.IsNullOrEmpty(snapshot.Json.GetProperty("node").GetString()));
        Assert.DoesNotContain(snapshot.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("address").GetString() == "127.0.0.5");

        for (var i = 0; i < 3; i++)
        {
            await FailLoginAsync(Server, "127.0.0.5");
        }
        static bool About(ServerEvent e) => e.Json.GetProperty("address").GetString() == "127.0.0.5";
        var added = (await stream.UntilAsync(e => e.Name == "added" && About(e), TimeSpan.FromSeconds(10))).Json;
        Assert.Equal(3, added.GetProperty("failures").GetInt32());
        Assert.Equal(1, added.GetProperty("offences").GetInt32());
        Assert.True(added.GetProperty("until").GetDateTimeOffset() > added.GetProperty("since").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/blacklist/temporary/127.0.0.5")).StatusCode);
        await stream.UntilAsync(e => e.Name == "removed" && About(e), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Blacklist_routes_are_for_administrators_only()
    {
        using var anonymous = service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/blacklist/temporary")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/blacklist/temporary/127.0.0.2")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/blacklist/temporary/stream")).StatusCode);
    }
}
