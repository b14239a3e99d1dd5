using System.Net;
using System.Net.Http.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary><c>/api/log/days</c> on the real service: the files present, a day's records searched, filtered and paged.</summary>
public sealed class LogDaysApiTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    [Fact]
    public async Task Todays_file_holds_what_the_service_logged_and_is_searchable()
    {
        using var admin = await service.CreateAdminClientAsync();
        var stranger = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        Assert.StartsWith("ERROR 530", await FtpClients.FtplibLoginAsync(service.FtpPort, stranger, "wrong-password"));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Eventually.HoldsAsync(async () =>
        {
            var page = await admin.GetFromJsonAsync<LogPageResponse>($"/api/log/days/{today:yyyy-MM-dd}?search={stranger}");
            var record = Assert.Single(page!.Records);
            Assert.Equal("Major", record.Level);
            Assert.Contains($"login {stranger}", record.Text);
        });
        var days = (await admin.GetFromJsonAsync<LogDaysResponse>("/api/log/days"))!;
        Assert.Contains(days.Days, d => d.Node == days.Node && d.Date == today && d.Bytes > 0);
    }

    [Fact]
    public async Task A_past_day_is_listed_and_read_in_pages_by_search_and_level()
    {
        using var admin = await service.CreateAdminClientAsync();
        var node = (await admin.GetFromJsonAsync<LogDaysResponse>("/api/log/days"))!.Node;
        var file = WriteDay(node, Yesterday,
            "08:00:00.000 2 FTP-000001([127.0.0.1]:4001) login alice ok",
            "08:00:01.000 4 FTP-000001([127.0.0.1]:4001) RETR alice.txt -> 226",
            "08:00:02.000 2 FTP-000002([127.0.0.1]:4002) login bob ok",
            "08:00:03.000 1 FTP-000000(server) database unreachable",
            "08:00:04.000 2 FTP-000003([127.0.0.1]:4003) login ALICE refused: wrong password");

        var days = (await admin.GetFromJsonAsync<LogDaysResponse>("/api/log/days"))!;
        Assert.Contains(new LogDayResponse(node, Yesterday, new FileInfo(file).Length), days.Days);

        var day = $"/api/log/days/{Yesterday:yyyy-MM-dd}";
        var first = (await admin.GetFromJsonAsync<LogPageResponse>($"{day}?search=alice&take=2"))!;
        Assert.Equal(["login alice ok", "RETR alice.txt -> 226"], first.Records.Select(r => r.Text));
        Assert.Equal(new DateTimeOffset(Yesterday.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), first.Records[0].Time);
        var second = (await admin.GetFromJsonAsync<LogPageResponse>($"{day}?search=alice&take=2&after={first.Next}"))!;
        Assert.Equal(["login ALICE refused: wrong password"], second.Records.Select(r => r.Text));
        Assert.Null(second.Next);

        var failures = (await admin.GetFromJsonAsync<LogPageResponse>($"{day}?maxLevel=1&node={node}"))!;
        Assert.Equal(["database unreachable"], failures.Records.Select(r => r.Text));
    }

    [Theory]
    [InlineData("2026-13-01", "", HttpStatusCode.BadRequest)]
    [InlineData("yesterday", "", HttpStatusCode.BadRequest)]
    [InlineData("2026-12-01", "?node=..", HttpStatusCode.BadRequest)]
    [InlineData("2026-12-01", "?take=0", HttpStatusCode.BadRequest)]
    [InlineData("2026-12-01", "?maxLevel=6", HttpStatusCode.BadRequest)]
    [InlineData("1999-01-01", "", HttpStatusCode.NotFound)]
    public async Task A_bad_day_query_is_refused_and_a_missing_day_is_not_found(string date, string query, HttpStatusCode status)
    {
        using var admin = await service.CreateAdminClientAsync();
        Assert.Equal(status, (await admin.GetAsync($"/api/log/days/{date}{query}")).StatusCode);
    }

    [Fact]
    public async Task Log_days_are_for_administrators_only()
    {
        using var anonymous = service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/log/days")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/log/days/{Yesterday:yyyy-MM-dd}")).StatusCode);
    }

    private string WriteDay(string node, DateOnly day, params string[] lines)
    {
        var folder = Path.Combine(service.StorageRoot, ".logs", node);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{day:yyyy-MM-dd}.log");
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
        return file;
    }
}
