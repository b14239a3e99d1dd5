using System.Net;
using Bunit;
using CommuniGateFtp.Admin.Components.Pages.Sessions;
using CommuniGateFtp.Admin.Components.Pages.Sessions.Components;
using CommuniGateFtp.Admin.Components.Pages.Transfers;
using CommuniGateFtp.Admin.Components.Shared;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using static CommuniGateFtp.Tests.Admin.SessionBoardTests;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>The Sessions and Transfers pages fed by a sessions stream the test writes into, and the progress display.</summary>
public sealed class LivePagesTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const long MiB = 1024 * 1024;

    private readonly BunitContext _ctx = new();
    private readonly EventStreamStub _events = new();
    private readonly FakeTimeProvider _streamClock = new();
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    public LivePagesTests()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddScoped<ApiCalls>();
        _ctx.Services.AddSingleton(TimeProvider.System); // the pages' render and idle clocks run for real
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();

    private static TransferResponse Download(long bytes, long? size) =>
        new("RETR", "/big.bin", "Send", bytes, MiB, DateTimeOffset.UtcNow, size, size is null ? null : (size - bytes) / (double)MiB);

    [Fact]
    public async Task Sessions_grid_shows_sessions_as_they_change_and_filters_by_account()
    {
        var http = Serve();
        var cut = _ctx.Render<Sessions>();

        await _events.SendAsync("snapshot", new SessionsSnapshot("node1", [Session(1, transfer: Download(12 * MiB, 48 * MiB)), Session(2, account: null)], []));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#sessions tbody tr.mud-table-row").Count), Wait);
        Assert.Contains("not logged in", cut.Find("#sessions").TextContent);
        Assert.Equal("25", cut.Find(".transfer-progress").GetAttribute("data-percent"));
        Assert.Contains("12 MiB of 48 MiB (25%)", cut.Find(".transfer-progress").TextContent);
        Assert.Equal("live", cut.Find("#live-state").GetAttribute("data-state"));

        await _events.SendAsync("changed", Session(1, transfer: Download(24 * MiB, 48 * MiB)));
        cut.WaitForAssertion(() => Assert.Equal("50", cut.Find(".transfer-progress").GetAttribute("data-percent")), Wait);

        cut.Find("#session-filter").Input("BOB@");
        cut.WaitForAssertion(() => Assert.Equal("1 of 2 sessions", cut.Find("#session-count").TextContent.Trim()), Wait);
        await _events.SendAsync("closed", Session(1));
        cut.WaitForAssertion(() => Assert.Contains("No session matches the filter.", cut.Find("#sessions").TextContent), Wait);
        Assert.Single(http.Requests);
    }

    [Fact]
    public async Task Sessions_grid_has_a_node_column_and_filters_by_the_node_the_overview_links_with()
    {
        Serve();
        var navigation = _ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("node", "node2"));
        var cut = _ctx.Render<Sessions>();

        await _events.SendAsync("snapshot", new SessionsSnapshot("node1", [Session(1), Session(2) with { Node = "node2" }, Session(3) with { Node = "node2" }], []));
        cut.WaitForAssertion(() => Assert.Equal("2 of 3 sessions", cut.Find("#session-count").TextContent.Trim()), Wait);
        Assert.Equal(["node2", "node2"], cut.FindAll("#sessions [data-node]").Select(n => n.GetAttribute("data-node")));
        Assert.NotNull(cut.Find("#session-node"));
        Assert.Contains(cut.FindAll("#sessions th"), th => th.TextContent.Trim() == "Node");
    }

    [Fact]
    public async Task Disconnect_asks_first_then_deletes_the_session()
    {
        var http = Serve();
        var cut = _ctx.Render<Sessions>();
        await _events.SendAsync("snapshot", new SessionsSnapshot("node1", [Session(7)], []));
        cut.WaitForElement("button[aria-label='Disconnect session 7']", Wait).Click();

        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => Assert.Contains("The client gets 421", dialogs.Markup), Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Disconnect").Click();

        cut.WaitForAssertion(() => Assert.Contains(http.Requests, r => r.Method == HttpMethod.Delete && r.RequestUri!.AbsolutePath == "/api/sessions/7"), Wait);
    }

    [Fact]
    public async Task Sessions_page_shows_reconnecting_while_the_service_is_away_then_live_data()
    {
        Serve(refuseFirst: true);
        var cut = _ctx.Render<Sessions>();
        cut.WaitForAssertion(() => Assert.Equal("reconnecting", cut.Find("#live-state").GetAttribute("data-state")), Wait);

        _streamClock.Advance(TimeSpan.FromSeconds(1));
        await _events.SendAsync("snapshot", new SessionsSnapshot("node1", [Session(3)], []));
        cut.WaitForAssertion(() => Assert.Equal("live", cut.Find("#live-state").GetAttribute("data-state")), Wait);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#sessions tbody tr.mud-table-row")), Wait);
    }

    [Fact]
    public async Task Transfers_page_shows_running_transfers_and_finished_ones_with_their_result_newest_first()
    {
        Serve();
        var cut = _ctx.Render<Transfers>();
        await _events.SendAsync("snapshot", new SessionsSnapshot("node1", [Session(1, transfer: Download(5 * MiB, null)), Session(2)],
            [Finished(5, 226), Finished(6, 426)]));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#running-transfers tbody tr.mud-table-row")), Wait);
        Assert.Contains("no ETA: size unknown", cut.Find("#running-transfers").TextContent);
        Assert.Equal(["426", "226"], cut.FindAll("#recent-transfers [data-code]").Select(c => c.GetAttribute("data-code")));
        Assert.Contains("426 aborted or cut", cut.Find("#recent-transfers").TextContent);

        await _events.SendAsync("transfer", Finished(7, 552));
        await _events.SendAsync("changed", Session(1));
        cut.WaitForAssertion(() => Assert.Equal(["552", "426", "226"], cut.FindAll("#recent-transfers [data-code]").Select(c => c.GetAttribute("data-code"))), Wait);
        cut.WaitForAssertion(() => Assert.Contains("No transfer is running.", cut.Find("#running-transfers").TextContent), Wait);
    }

    [Fact]
    public void Progress_is_a_bar_of_the_share_when_the_size_is_known_and_a_moving_bar_when_not()
    {
        Start();
        var known = _ctx.Render<TransferProgress>(p => p.Add(c => c.Transfer, Download(12 * MiB, 48 * MiB)));
        Assert.Empty(known.FindAll(".mud-progress-linear.mud-progress-indeterminate"));
        Assert.Contains("1 MiB/s", known.Markup);
        Assert.Contains("36 s left", known.Markup);

        var unknown = _ctx.Render<TransferProgress>(p => p.Add(c => c.Transfer, Download(12 * MiB, null)));
        Assert.Single(unknown.FindAll(".mud-progress-linear.mud-progress-indeterminate"));
        Assert.Contains("no ETA: size unknown", unknown.Markup);
        Assert.Null(unknown.Find(".transfer-progress").GetAttribute("data-percent"));
    }

    [Fact]
    public async Task The_protocol_view_shows_commands_and_replies_and_says_when_the_session_ended()
    {
        Serve();
        var cut = _dialogs!;
        var parameters = new DialogParameters<SessionPanel> { { p => p.Session, Session(4) }, { p => p.Disconnect, _ => Task.FromResult(false) } };
        await cut.InvokeAsync(() => _ctx.Services.GetRequiredService<IDialogService>().ShowAsync<SessionPanel>("Session #4", parameters));

        await _events.SendAsync("snapshot", Session(4, account: null));
        await _events.SendAsync("command", new ProtocolLineResponse(DateTimeOffset.UtcNow, 4, "PASS ***", null, null));
        await _events.SendAsync("reply", new ProtocolLineResponse(DateTimeOffset.UtcNow, 4, "230 User bob logged in", 230, ["User bob logged in"]));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#protocol-lines .protocol-line").Count), Wait);
        Assert.EndsWith("→ PASS ***", cut.Find("#protocol-lines .protocol-command").TextContent);
        Assert.EndsWith("← 230 User bob logged in", cut.Find("#protocol-lines .protocol-reply").TextContent);

        await _events.SendAsync("closed", Session(4));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#session-ended")), Wait);
        Assert.True(cut.Find("#panel-disconnect").HasAttribute("disabled"));
    }

    /// <summary>The API: the sessions stream (refused once when asked), DELETE of a session.</summary>
    private StubHttp Serve(bool refuseFirst = false)
    {
        var http = new StubHttp((request, call) => request.Method == HttpMethod.Delete
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted))
            : refuseFirst && call == 1 ? throw new HttpRequestException("connection refused") : Task.FromResult(_events.Response()));
        _ctx.Services.AddTransient(_ => new LiveStream(http, StubHttp.SignedIn(), _streamClock));
        _ctx.Services.AddSingleton(new FtpApiClient(http.CreateClient("ftp"), StubHttp.SignedIn()));
        Start();
        return http;
    }

    private void Start()
    {
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _ctx.Render<MudPopoverProvider>();
        _dialogs = _ctx.Render<MudDialogProvider>();
    }
}
