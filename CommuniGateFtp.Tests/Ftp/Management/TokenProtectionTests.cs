using System.Net;
using System.Net.Http.Json;
using CommuniGateFtp.Tests.Ftp.EndToEnd;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary><c>POST /api/auth/token</c> under attack: per-address and per-account rate limits, and the temporary blacklist.</summary>
public sealed class TokenProtectionTests(BlacklistServiceFactory service) : IClassFixture<BlacklistServiceFactory>
{
    private HttpClient From(string address) => LoopbackHttpClient.From(address, service.CreateClient().BaseAddress!);

    private static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string username) =>
        client.PostAsJsonAsync("/api/auth/token", new { username, password = "wrong-password" });

    private static void AssertTooManyRequests(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {response.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Requests_over_the_per_address_limit_get_429_with_retry_after()
    {
        using var client = From("127.0.0.20");
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(client, "first")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(client, "second")).StatusCode);
        AssertTooManyRequests(await RequestTokenAsync(client, "third"));
    }

    [Fact]
    public async Task Requests_over_the_per_account_limit_get_429_from_any_address()
    {
        using var first = From("127.0.0.21");
        using var second = From("127.0.0.22");
        using var third = From("127.0.0.23");
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(first, "target")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(second, "target")).StatusCode);
        AssertTooManyRequests(await RequestTokenAsync(third, "target"));
    }

    [Fact]
    public async Task Successful_requests_do_not_use_up_the_per_account_limit()
    {
        foreach (var address in new[] { "127.0.0.25", "127.0.0.26", "127.0.0.27" })
        {
            using var client = From(address);
            var response = await client.PostAsJsonAsync("/api/auth/token",
                new { username = $"postmaster@{FtpServiceFactory.MainDomain}", password = FtpServiceFactory.AdminPassword });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Failed_token_requests_count_toward_the_temporary_blacklist()
    {
        var server = new IPEndPoint(IPAddress.Loopback, service.FtpPort);
        Assert.StartsWith("530", await TemporaryBlacklistTests.FailLoginAsync(server, "127.0.0.24"));
        Assert.StartsWith("530", await TemporaryBlacklistTests.FailLoginAsync(server, "127.0.0.24"));
        using var client = From("127.0.0.24");
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(client, "someone")).StatusCode); // the third failure

        Assert.Equal(TemporaryBlacklistTests.Blacklisted, await RawFtpClient.RefusalAsync(service.FtpPort, IPAddress.Parse("127.0.0.24")));
        AssertTooManyRequests(await RequestTokenAsync(client, "someone-else"));
    }
}
