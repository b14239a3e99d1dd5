using System.Net;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>
/// The WebAdmin's sign-in from outside, over plain HTTP on the running app: the form carries an antiforgery token, a
/// post without it is refused, and the authentication cookie is out of scripts' reach and not sent cross-site.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class AdminSignInSecurityTests(AspireAppFixture fixture)
{
    [Fact]
    public async Task Login_form_carries_an_antiforgery_token()
    {
        fixture.RequireStarted();
        using var client = Client();
        var (token, _) = await LoginFormAsync(client);
        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task Login_post_without_the_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        fixture.RequireStarted();
        using var client = Client();
        var (_, antiforgeryCookie) = await LoginFormAsync(client);
        using var post = LoginPost(antiforgeryCookie, token: null);
        using var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("CommuniGateFtp.Admin=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_in_cookie_is_http_only_and_same_site()
    {
        fixture.RequireStarted();
        using var client = Client();
        var (token, antiforgeryCookie) = await LoginFormAsync(client);
        using var post = LoginPost(antiforgeryCookie, token);
        using var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("CommuniGateFtp.Admin=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains(attributes, a => a is "samesite=lax" or "samesite=strict");
    }

    // Cookies by hand: the test reads Set-Cookie itself and follows no redirect.
    private HttpClient Client() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = fixture.App.GetEndpoint("admin", "http"),
    };

    private static async Task<(string Token, string Cookie)> LoginFormAsync(HttpClient client)
    {
        using var form = await client.GetAsync("/login");
        form.EnsureSuccessStatusCode();
        var html = await form.Content.ReadAsStringAsync();
        var match = AntiforgeryField().Match(html);
        var token = WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
        var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        return (token, cookie.Split(';')[0]);
    }

    private static HttpRequestMessage LoginPost(string antiforgeryCookie, string? token)
    {
        var fields = new Dictionary<string, string> { ["username"] = "postmaster", ["password"] = AspireAppFixture.AdminPassword, ["returnUrl"] = "" };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }
        return new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(fields),
            Headers = { { "Cookie", antiforgeryCookie } },
        };
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryField();
}
