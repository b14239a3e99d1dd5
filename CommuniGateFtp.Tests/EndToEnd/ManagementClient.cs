using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace CommuniGateFtp.Tests.EndToEnd;

/// <summary>The ftp resource's management API, signed in as postmaster unless told.</summary>
public static class ManagementClient
{
    public static async Task<HttpClient> CreateAsync(AspireAppFixture fixture, string username = "postmaster",
        string password = AspireAppFixture.AdminPassword)
    {
        var client = fixture.App.CreateHttpClient("ftp", "http");
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> MainDomainAsync(HttpClient client)
    {
        var domains = await client.GetFromJsonAsync<JsonElement>("/api/domains");
        return domains.EnumerateArray().Single(d => d.GetProperty("isMain").GetBoolean()).GetProperty("name").GetString()!;
    }
}
