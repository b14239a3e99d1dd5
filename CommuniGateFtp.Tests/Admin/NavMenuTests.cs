using Bunit;
using CommuniGateFtp.Admin.Components.Layout;
using CommuniGateFtp.Contracts;
using MudBlazor.Services;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>The menu offers the server pages to server administrators only; a Domain administrator sees its own pages.</summary>
public sealed class NavMenuTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public NavMenuTests()
    {
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void A_domain_administrator_is_not_offered_the_server_pages()
    {
        var cut = RenderFor("boss@hosted.example", ManagementRoles.DomainAdministrator);
        Assert.Empty(cut.FindAll("#nav-settings"));
        Assert.Empty(cut.FindAll("#nav-log"));
        Assert.Single(cut.FindAll("#nav-accounts"));
        Assert.Single(cut.FindAll("#nav-domains"));
        Assert.Single(cut.FindAll("#nav-storage"));
    }

    [Fact]
    public void A_server_administrator_is_offered_every_page()
    {
        var cut = RenderFor("postmaster", ManagementRoles.ServerAdministrator);
        foreach (var id in new[] { "#nav-accounts", "#nav-domains", "#nav-storage", "#nav-settings", "#nav-log" })
        {
            Assert.Single(cut.FindAll(id));
        }
    }

    private IRenderedComponent<NavMenu> RenderFor(string name, string role)
    {
        var authorization = _ctx.AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetRoles(role);
        return _ctx.Render<NavMenu>();
    }
}
