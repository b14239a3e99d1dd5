using System.Net;
using Bunit;
using CommuniGateFtp.Admin.Components.Pages.Blacklist.Components;
using CommuniGateFtp.Admin.Components.Pages.Log;
using CommuniGateFtp.Admin.Components.Pages.Log.Components;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using BlacklistPage = CommuniGateFtp.Admin.Components.Pages.Blacklist.Blacklist;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>The Log page's past days (picker and paged view) and the Blacklist page (grid, rule, live rows, Lift), by bUnit.</summary>
public sealed class LogAndBlacklistComponentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly LogDayResponse Yesterday = new("node-a", new DateOnly(2026, 12, 5), 2048);

    private readonly BunitContext _ctx = new();
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    public LogAndBlacklistComponentTests()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddScoped<ApiCalls>();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void A_past_day_is_searched_by_the_server_and_load_more_goes_on_from_the_last_page()
    {
        var http = new StubHttp((request, _) => Task.FromResult(StubHttp.Json(HttpStatusCode.OK, request.RequestUri!.Query.Contains("after=0&")
            ? """{"node":"node-a","date":"2026-12-05","records":[RECORD1,RECORD2],"next":120}""".Replace("RECORD1", Record("login alice ok")).Replace("RECORD2", Record("RETR alice.txt"))
            : """{"node":"node-a","date":"2026-12-05","records":[RECORD3],"next":null}""".Replace("RECORD3", Record("login ALICE refused")))));
        AddApi(http);
        Start();

        var cut = _ctx.Render<PastLog>(p => p.Add(c => c.Day, Yesterday));
        cut.WaitForAssertion(() => Assert.Equal("2 records, more in the file", cut.Find("#day-count").TextContent.Trim()));
        cut.Find("input#day-search").Input("alice");
        cut.WaitForAssertion(() => Assert.Contains("search=alice", http.Requests[^1].RequestUri!.Query), TimeSpan.FromSeconds(5));
        Assert.Equal("/api/log/days/2026-12-05", http.Requests[^1].RequestUri!.AbsolutePath);
        Assert.Contains("node=node-a", http.Requests[^1].RequestUri!.Query);

        cut.WaitForAssertion(() => cut.Find("#day-more").Click());
        cut.WaitForAssertion(() => Assert.Equal("3 records", cut.Find("#day-count").TextContent.Trim()));
        Assert.Contains("after=120&", http.Requests[^1].RequestUri!.Query);
        Assert.Empty(cut.FindAll("#day-more"));
        Assert.Contains("login ALICE refused", cut.Find("#day-lines").TextContent);
    }

    [Fact]
    public void The_day_picker_lists_the_files_and_shows_a_picked_day_instead_of_the_live_tail()
    {
        var stream = new StubHttp((_, _) => Task.FromResult(StubHttp.Json(HttpStatusCode.OK, ": nothing yet\n\n", mediaType: "text/event-stream")));
        _ctx.Services.AddSingleton(new LiveStream(stream, StubHttp.SignedIn(), new FakeTimeProvider(Now)));
        AddApi(new StubHttp((request, _) => Task.FromResult(StubHttp.Json(HttpStatusCode.OK, request.RequestUri!.AbsolutePath == "/api/log/days"
            ? """{"node":"node-a","days":[{"node":"node-a","date":"2026-12-05","bytes":2048}]}"""
            : """{"node":"node-a","date":"2026-12-05","records":[RECORD],"next":null}""".Replace("RECORD", Record("login alice ok"))))));
        Start();

        var cut = _ctx.Render<Log>();
        cut.WaitForElement("#log-lines");
        cut.Find("#log-day").Closest("div.mud-input-control")!.MouseDown();
        var popovers = _popovers!;
        popovers.WaitForAssertion(() => Assert.Contains("2026-12-05 · 2 KiB", popovers.Markup));
        popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("2026-12-05")).Click();

        cut.WaitForAssertion(() => Assert.Contains("login alice ok", cut.Find("#day-lines").TextContent));
        Assert.Empty(cut.FindAll("#log-lines"));
    }

    [Fact]
    public void The_grid_counts_the_block_down_marks_a_repeat_offender_and_lift_hands_the_row_to_the_page()
    {
        Start();
        TemporaryBlacklistResponse? lifted = null;
        var rows = new[]
        {
            new TemporaryBlacklistResponse("192.0.2.7", Now.AddMinutes(-1), Now.AddSeconds(570), 20, 1),
            new TemporaryBlacklistResponse("192.0.2.8", Now.AddHours(-1), Now.AddMinutes(130), 20, 3),
        };
        var cut = _ctx.Render<BlacklistGrid>(p => p.Add(c => c.Rows, rows).Add(c => c.Now, Now)
            .Add(c => c.Lift, EventCallback.Factory.Create<TemporaryBlacklistResponse>(this, row => lifted = row)));

        Assert.Equal("9 min 30 s", cut.Find("td[data-remaining='192.0.2.7']").TextContent.Trim());
        Assert.Equal("2 h 10 min", cut.Find("td[data-remaining='192.0.2.8']").TextContent.Trim());
        Assert.Contains("11:59:00 UTC", cut.Markup);
        Assert.Single(cut.FindAll(".mud-chip"));
        cut.Find("button[data-lift='192.0.2.8']").Click();
        Assert.Equal("192.0.2.8", lifted?.Address);
    }

    [Fact]
    public void The_blacklist_page_shows_the_streams_rows_and_the_rule_and_lifts_after_a_confirmation()
    {
        var time = new FakeTimeProvider(Now);
        const string events = """
            event: snapshot
            data: {"node":"node-a","entries":[{"address":"192.0.2.7","since":"2026-12-06T11:59:00+00:00","until":"2026-12-06T12:09:00+00:00","failures":3,"offences":1}]}

            event: added
            data: {"address":"192.0.2.9","since":"2026-12-06T12:00:00+00:00","until":"2026-12-06T12:10:00+00:00","failures":3,"offences":1}


            """;
        var stream = new StubHttp((_, _) => Task.FromResult(StubHttp.Json(HttpStatusCode.OK, events.ReplaceLineEndings("\n"), mediaType: "text/event-stream")));
        _ctx.Services.AddSingleton(new LiveStream(stream, StubHttp.SignedIn(), time));
        _ctx.Services.AddSingleton<TimeProvider>(time);
        var api = new StubHttp((request, _) => Task.FromResult(request.Method == HttpMethod.Delete
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : StubHttp.Json(HttpStatusCode.OK, """{"tempBlacklistFailures":3,"tempBlacklistWindow":"00:10:00","tempBlacklistTime":"00:10:00","tempBlacklistMaxTime":"04:00:00","unblacklistableIps":"127.0.0.3 ; the office\n10.0.0.0/8"}""")));
        AddApi(api);
        Start();
        var dialogs = _ctx.Render<MudDialogProvider>();

        var cut = _ctx.Render<BlacklistPage>();
        cut.WaitForAssertion(() => Assert.Contains("3 failures", cut.Find("#blacklist-rule").TextContent));
        Assert.Contains("within 10 min", cut.Find("#blacklist-rule").TextContent);
        Assert.Contains("at most 4 h", cut.Find("#blacklist-rule").TextContent);
        Assert.Contains("127.0.0.3, 10.0.0.0/8", cut.Find("#blacklist-whitehole").TextContent);
        time.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("2 blocked", cut.Find("#blacklist-count").TextContent.Trim()));
        Assert.Equal("8 min 59 s", cut.Find("td[data-remaining='192.0.2.7']").TextContent.Trim());

        cut.Find("button[data-lift='192.0.2.9']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Let 192.0.2.9 connect", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Lift").Click();
        cut.WaitForAssertion(() => Assert.Equal(HttpMethod.Delete, api.Requests[^1].Method));
        Assert.Equal("/api/blacklist/temporary/192.0.2.9", api.Requests[^1].RequestUri!.AbsolutePath);
    }

    [Fact]
    public void Blacklist_rows_follow_snapshot_added_changed_and_removed()
    {
        var rows = new BlacklistRows();
        Assert.True(rows.Apply("snapshot", """{"node":"n1","entries":[{"address":"192.0.2.7","since":"2026-12-06T11:00:00Z","until":"2026-12-06T11:10:00Z","failures":3,"offences":1}]}"""));
        Assert.True(rows.Apply("added", """{"address":"192.0.2.8","since":"2026-12-06T11:05:00Z","until":"2026-12-06T11:15:00Z","failures":3,"offences":1}"""));
        Assert.True(rows.Apply("changed", """{"address":"192.0.2.7","since":"2026-12-06T11:20:00Z","until":"2026-12-06T11:40:00Z","failures":3,"offences":2}"""));
        Assert.True(rows.Apply("removed", """{"address":"192.0.2.8","since":"2026-12-06T11:05:00Z","until":"2026-12-06T11:15:00Z","failures":3,"offences":1}"""));
        Assert.False(rows.Apply("dropped", """{"count":1}"""));
        var row = Assert.Single(rows.Rows);
        Assert.Equal(("192.0.2.7", 2), (row.Address, row.Offences));
        Assert.Equal("n1", rows.Node);
        Assert.Equal("ending", BlacklistRows.Remaining(Now, Now));
        Assert.Equal("5 s", BlacklistRows.Remaining(Now.AddSeconds(4.2), Now));
    }

    private static string Record(string text) =>
        $$"""{"time":"2026-12-05T08:00:00+00:00","level":"Major","levelNumber":2,"sessionId":1,"client":"[127.0.0.1]:4001","text":"{{text}}","line":"08:00:00.000 2 FTP-000001([127.0.0.1]:4001) {{text}}"}""";

    private void AddApi(StubHttp http) => _ctx.Services.AddSingleton(new FtpApiClient(http.CreateClient("ftp"), StubHttp.SignedIn()));

    // After every service is registered: bUnit freezes the container at the first resolution.
    private void Start()
    {
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _popovers = _ctx.Render<MudPopoverProvider>();
    }
}
