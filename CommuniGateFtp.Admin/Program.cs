using CommuniGateFtp.Admin.Components;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/login";
        options.AccessDeniedPath = "/forbidden"; // a Domain administrator opening a server page
        options.Cookie.Name = "CommuniGateFtp.Admin";
        options.ExpireTimeSpan = TimeSpan.FromHours(8); // the API token's lifetime
        options.SlidingExpiration = false;
    });
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AccessTokenSource>();
builder.Services.AddScoped<ApiCalls>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddTransient<LiveStream>();
builder.Services.AddHttpClient<FtpApiClient>(client => client.BaseAddress = new Uri("http://ftp"));
// Server-sent events live for hours: no resilience handler (its timeouts would cut them); LiveStream reconnects itself.
// RemoveAllResilienceHandlers is the documented way to take a client out of ConfigureHttpClientDefaults' handler; it is
// marked experimental (EXTEXP0001) only.
#pragma warning disable EXTEXP0001
builder.Services.AddHttpClient(LiveStream.ClientName, client =>
{
    client.BaseAddress = new Uri("http://ftp");
    client.Timeout = Timeout.InfiniteTimeSpan;
}).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapAdminSignIn();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
