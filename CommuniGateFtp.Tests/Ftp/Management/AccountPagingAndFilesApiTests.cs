using System.Net;
using System.Net.Http.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary><c>GET /api/accounts?search=&amp;skip=&amp;take=</c> and <c>GET /api/accounts/{domain}/{name}/files?path=</c>.</summary>
public sealed class AccountPagingAndFilesApiTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    [Fact]
    public async Task Search_and_paging_answer_a_page_and_the_total_while_the_plain_list_stays_a_list()
    {
        var admin = await service.CreateAdminClientAsync();
        foreach (var name in new[] { "page-a", "page-b", "page-c", "other_x" })
        {
            await service.CreateFtpAccountAsync(name, "page-pass-1");
        }

        var page = await admin.GetFromJsonAsync<AccountPage>("/api/accounts?search=PAGE-&skip=1&take=1");
        Assert.Equal(3, page!.Total);
        Assert.Equal("page-b", Assert.Single(page.Items).Name);
        // '_' is a character to find, not LIKE's wildcard.
        Assert.Equal(1, (await admin.GetFromJsonAsync<AccountPage>("/api/accounts?search=r_x"))!.Total);
        Assert.Equal(0, (await admin.GetFromJsonAsync<AccountPage>("/api/accounts?search=e_a"))!.Total);

        var all = await admin.GetFromJsonAsync<List<AccountResponse>>("/api/accounts");
        Assert.Contains(all!, a => a.Name == "other_x");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/accounts?take=0")).StatusCode);
    }

    [Fact]
    public async Task Files_lists_a_directory_directories_first_and_refuses_what_is_not_one()
    {
        var admin = await service.CreateAdminClientAsync();
        await service.CreateFtpAccountAsync("lister", "lister-pass-1");
        var root = service.AccountRoot("lister");
        Directory.CreateDirectory(Path.Combine(root, "zdir"));
        await File.WriteAllTextAsync(Path.Combine(root, "a.txt"), "hello");
        File.CreateSymbolicLink(Path.Combine(root, "link"), "/etc");

        var listing = await admin.GetFromJsonAsync<FileListResponse>($"/api/accounts/{FtpServiceFactory.MainDomain}/lister/files?path=/");
        Assert.Equal([("zdir", true, 0L), ("a.txt", false, 5L)], listing!.Entries.Select(e => (e.Name, e.IsDirectory, e.Size)));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/accounts/{FtpServiceFactory.MainDomain}/lister/files?path=/a.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/accounts/{FtpServiceFactory.MainDomain}/lister/files?path=/link")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/accounts/{FtpServiceFactory.MainDomain}/lister/files?path=/~bob")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/accounts/{FtpServiceFactory.MainDomain}/nobody/files")).StatusCode);
    }
}
