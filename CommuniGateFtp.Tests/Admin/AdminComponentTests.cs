using System.Net;
using Bunit;
using CommuniGateFtp.Admin.Components.Pages.Accounts.Components;
using CommuniGateFtp.Admin.Components.Pages.Log;
using CommuniGateFtp.Admin.Components.Shared;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using SettingsPage = CommuniGateFtp.Admin.Components.Pages.Settings.Settings;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>WebAdmin components rendered by bUnit: usage bars, the live indicator, the Log page's reconnection, Settings' problems.</summary>
public sealed class AdminComponentTests : IAsyncLifetime
{
    private const string SettingsJson = """{"logLevel":"Problems","channels":20,"listener":[{"port":8021,"address":"*","secure":false,"allowedClients":"","perIpLimit":0}]}""";

    // MudBlazor 9 puts a field's extra attributes on its input element.
    private const string Channels = "input[data-setting=channels]";

    private readonly BunitContext _ctx = new();

    public AdminComponentTests()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddScoped<ApiCalls>();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();

    [Theory]
    [InlineData(LiveState.Live, "live")]
    [InlineData(LiveState.Reconnecting, "reconnecting…")]
    [InlineData(LiveState.Connecting, "connecting…")]
    public void LiveIndicator_names_the_state(LiveState state, string text)
    {
        Start();
        var cut = _ctx.Render<LiveIndicator>(p => p.Add(c => c.State, state));
        Assert.Contains(text, cut.Find("#live-state").TextContent);
    }

    [Fact]
    public void UsageBar_shows_sizes_in_binary_units_and_a_bar_only_for_a_numeric_limit()
    {
        Start();
        var limited = _ctx.Render<UsageBar>(p => p.Add(c => c.Used, 1536L * 1024).Add(c => c.Limit, "10485760").Add(c => c.Bytes, true));
        Assert.Contains("1.5 MiB of 10 MiB", limited.Markup);
        Assert.Single(limited.FindAll(".mud-progress-linear"));
        var unlimited = _ctx.Render<UsageBar>(p => p.Add(c => c.Used, 3L).Add(c => c.Limit, "unlimited"));
        Assert.Contains("3 of unlimited", unlimited.Markup);
        Assert.Empty(unlimited.FindAll(".mud-progress-linear"));
    }

    [Fact]
    public void Log_page_shows_reconnecting_while_the_service_is_away_then_live_records()
    {
        var time = new FakeTimeProvider();
        var http = new StubHttp((_, call) => call == 1
            ? throw new HttpRequestException("connection refused")
            : Task.FromResult(StubHttp.Json(HttpStatusCode.OK, "data: 10:00:00.000 2 FTP-000007([127.0.0.1]:4000) login bob refused\n\n", mediaType: "text/event-stream")));
        _ctx.Services.AddSingleton(new LiveStream(http, StubHttp.SignedIn(), time));
        var api = new StubHttp((_, _) => Task.FromResult(StubHttp.Json(HttpStatusCode.OK, """{"node":"n1","days":[]}""")));
        _ctx.Services.AddSingleton(new FtpApiClient(api.CreateClient("ftp"), StubHttp.SignedIn()));
        Start();

        var cut = _ctx.Render<Log>();
        cut.WaitForAssertion(() => Assert.Equal("reconnecting", cut.Find("#live-state").GetAttribute("data-state")));
        time.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("1 of 1 records", cut.Find("#log-count").TextContent.Trim()), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Settings_page_shows_the_APIs_validation_message_at_the_field()
    {
        var http = new StubHttp((request, _) => Task.FromResult(request.Method == HttpMethod.Get
            ? StubHttp.Json(HttpStatusCode.OK, SettingsJson, "\"5\"")
            : StubHttp.Json(HttpStatusCode.BadRequest, """{"title":"One or more validation errors occurred.","status":400,"errors":{"listener[0].address":["'nowhere' is not '*' (all addresses), one IPv4 address or one IPv6 address."]}}""",
                mediaType: "application/problem+json")));
        var cut = RenderSettings(http);
        const string address = "tr[data-row='0'] input[data-field=address]";

        cut.Find(address).Change("nowhere");
        cut.Find("#settings-save").Click();

        cut.WaitForAssertion(() => Assert.Contains("'nowhere' is not '*'", cut.Find(address).Closest(".mud-input-control")!.TextContent));
        Assert.Equal("true", cut.Find(address).GetAttribute("aria-invalid"));
        Assert.Equal("""{"listener":[{"port":8021,"address":"nowhere","secure":false,"allowedClients":"","perIpLimit":0}]}""", http.Bodies[^1]);
        Assert.Equal("\"5\"", http.Requests[^1].Headers.GetValues("If-Match").Single());
    }

    [Fact]
    public void Settings_page_offers_a_reload_when_another_administrator_saved_first()
    {
        var http = new StubHttp((request, _) => Task.FromResult(request.Method == HttpMethod.Get
            ? StubHttp.Json(HttpStatusCode.OK, SettingsJson, "\"5\"")
            : StubHttp.Json(HttpStatusCode.PreconditionFailed, """{"title":"Precondition Failed","status":412}""", mediaType: "application/problem+json")));
        var cut = RenderSettings(http);

        cut.Find(Channels).Change("7");
        cut.Find("#settings-save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Another administrator saved the settings first", cut.Find("#settings-conflict").TextContent));
        cut.Find("#settings-conflict-reload").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#settings-conflict")));
    }

    // After every service is registered: bUnit freezes the container at the first resolution.
    private void Start()
    {
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _ctx.Render<MudPopoverProvider>();
    }

    private IRenderedComponent<SettingsPage> RenderSettings(StubHttp http)
    {
        _ctx.Services.AddSingleton(new FtpApiClient(http.CreateClient("ftp"), StubHttp.SignedIn()));
        Start();
        var cut = _ctx.Render<SettingsPage>();
        cut.WaitForElement(Channels);
        return cut;
    }
}
