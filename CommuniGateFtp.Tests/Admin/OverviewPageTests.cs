using System.Net;
using Bunit;
using CommuniGateFtp.Admin.Components.Pages;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using static CommuniGateFtp.Tests.Admin.SessionBoardTests;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>
/// The Overview's figures, chart, top accounts, listener sockets and cluster nodes from the API, a Domain administrator's
/// Overview, and what it says when refused.
/// </summary>
public sealed class OverviewPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly BunitContext _ctx = new();

    public OverviewPageTests()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddScoped<ApiCalls>();
        _ctx.Services.AddSingleton(TimeProvider.System);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void Shows_the_figures_the_throughput_the_top_accounts_and_which_sockets_are_bound()
    {
        var steps = Enumerable.Range(0, 120).Select(i => new ThroughputStepResponse(DateTimeOffset.UnixEpoch.AddSeconds(5 * i), 0, i * 1024.0)).ToList();
        var cut = Render(path => path switch
        {
            "/api/stats" => (HttpStatusCode.OK, Json(new StatsResponse("node1", 3, 1, 0, 2 * 1024 * 1024, 7, 2,
                [new ListenerSocketStateResponse(8021, "*", false, true, null), new ListenerSocketStateResponse(990, "*", true, false, "Channels is 0")]))),
            "/api/stats/throughput" => (HttpStatusCode.OK, Json(new ThroughputResponse("node1", 5, steps))),
            "/api/stats/top-accounts" => (HttpStatusCode.OK, Json(new TopAccountsResponse("node1", 10, [new AccountTrafficResponse("bob@example.com", 0, 5 * 1024 * 1024)]))),
            "/api/domains" => (HttpStatusCode.OK, "[]"),
            "/api/nodes" => (HttpStatusCode.OK, Json(Nodes)),
            _ => (HttpStatusCode.OK, """{"items":[],"total":12}"""),
        });

        cut.WaitForAssertion(() => Assert.Equal("2 MiB/s", cut.Find("#rate-out").TextContent), Wait);
        Assert.Equal("3", cut.Find("#session-total").TextContent);
        Assert.Equal("1 of 2", cut.Find("#listeners-bound").TextContent);
        Assert.Equal("121", cut.Find("#throughput-chart").GetAttribute("data-points")); // 120 steps and the rate now
        Assert.Contains("5 MiB", cut.Find("#top-accounts tr[data-account='bob@example.com']").TextContent);
        Assert.Equal("false", cut.Find("#listener-states tr[data-port='990'] [data-bound]").GetAttribute("data-bound"));
        Assert.Contains("Channels is 0", cut.Find("#listener-states tr[data-port='990']").TextContent);
        cut.WaitForAssertion(() => Assert.Equal("12", cut.Find("#account-count").TextContent), Wait);
        Assert.Equal("live", cut.Find("#live-state").GetAttribute("data-state"));
    }

    [Fact]
    public void Shows_each_node_of_the_cluster_with_its_sessions_heartbeat_and_listener_sockets_this_node_marked()
    {
        var cut = Render(path => path switch
        {
            "/api/nodes" => (HttpStatusCode.OK, Json(Nodes)),
            "/api/domains" => (HttpStatusCode.OK, "[]"),
            _ when path.StartsWith("/api/stats", StringComparison.Ordinal) => (HttpStatusCode.OK, path switch
            {
                "/api/stats" => Json(new StatsResponse("node-a", 0, 0, 0, 0, 0, 0, [])),
                "/api/stats/throughput" => Json(new ThroughputResponse("node-a", 5, [])),
                _ => Json(new TopAccountsResponse("node-a", 10, [])),
            }),
            _ => (HttpStatusCode.OK, """{"items":[],"total":0}"""),
        });

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#cluster-nodes tbody tr").Count), Wait);
        var a = cut.Find("#cluster-nodes tr[data-node='node-a']");
        Assert.Equal("true", a.GetAttribute("data-self"));
        Assert.Contains("this node", a.TextContent);
        var b = cut.Find("#cluster-nodes tr[data-node='node-b']");
        Assert.Equal("false", b.GetAttribute("data-self"));
        Assert.Equal("2 s ago", b.QuerySelector(".heartbeat")!.TextContent);
        Assert.Equal("5", b.QuerySelector(".node-sessions")!.TextContent);
        Assert.Equal("sessions?node=node-b", b.QuerySelector(".node-sessions")!.GetAttribute("href"));
        Assert.Equal("false", b.QuerySelector("[data-port='990'] [data-bound]")!.GetAttribute("data-bound"));
        Assert.Contains("Address already in use", b.QuerySelector("[data-port='990']")!.TextContent);
        Assert.Equal("true", b.QuerySelector("[data-port='21'] [data-bound]")!.GetAttribute("data-bound"));
    }

    [Fact]
    public void A_domain_administrator_gets_its_domains_sessions_and_transfers_and_no_server_figures()
    {
        var authorization = _ctx.AddAuthorization();
        authorization.SetAuthorized("boss@example.com");
        authorization.SetRoles(ManagementRoles.DomainAdministrator);
        var asked = new List<string>();
        var running = new TransferResponse("RETR", "/big.bin", "Send", 1024, 1024, DateTimeOffset.UnixEpoch, null, null);
        var cut = Render(path =>
        {
            lock (asked)
            {
                asked.Add(path);
            }
            return path switch
            {
                "/api/sessions" => (HttpStatusCode.OK, Json(new[] { Session(1), Session(2, transfer: running), Session(3, account: null) })),
                _ when path.StartsWith("/api/stats", StringComparison.Ordinal) || path == "/api/nodes" =>
                    (HttpStatusCode.Forbidden, """{"title":"Forbidden","status":403,"detail":"Server administrators only."}"""),
                _ => (HttpStatusCode.OK, """{"items":[],"total":4}"""),
            };
        });

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("#session-total").TextContent), Wait);
        Assert.Equal("1", cut.Find("#transfer-total").TextContent);
        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("#account-count").TextContent), Wait);
        Assert.Equal("live", cut.Find("#live-state").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("#overview-problem"));
        Assert.Empty(cut.FindAll("#rate-in"));
        Assert.Empty(cut.FindAll("#cluster-nodes"));
        lock (asked)
        {
            Assert.DoesNotContain(asked, p => p.StartsWith("/api/stats", StringComparison.Ordinal) || p == "/api/nodes" || p == "/api/domains");
        }
    }

    [Fact]
    public void A_refusal_is_a_message_not_a_broken_page()
    {
        var cut = Render(path => path.StartsWith("/api/stats", StringComparison.Ordinal)
            ? (HttpStatusCode.Forbidden, """{"title":"Forbidden","status":403,"detail":"Server administrators only."}""")
            : (HttpStatusCode.OK, path == "/api/domains" ? "[]" : """{"items":[],"total":0}"""));

        cut.WaitForAssertion(() => Assert.Contains("Server administrators only.", cut.Find("#overview-problem").TextContent), Wait);
        Assert.Equal("…", cut.Find("#session-total").TextContent);
    }

    private static readonly NodeResponse[] Nodes =
    [
        new("node-a", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 3, [new ListenerSocketStateResponse(21, "127.0.0.1", false, true, null)], true, 0.2),
        new("node-b", 2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 5,
            [new ListenerSocketStateResponse(21, "127.0.0.2", false, true, null), new ListenerSocketStateResponse(990, "127.0.0.2", true, false, "Address already in use")],
            false, 1.6),
    ];

    private IRenderedComponent<Home> Render(Func<string, (HttpStatusCode Status, string Body)> answer)
    {
        var http = new StubHttp((request, _) =>
        {
            var (status, body) = answer(request.RequestUri!.AbsolutePath);
            return Task.FromResult(StubHttp.Json(status, body, mediaType: status == HttpStatusCode.OK ? "application/json" : "application/problem+json"));
        });
        _ctx.Services.AddSingleton(new FtpApiClient(http.CreateClient("ftp"), StubHttp.SignedIn()));
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<Home>();
    }
}
