using CommuniGateFtp.Ftp.Management.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>Wires the management API: bearer authentication, the authorization policies, the token route's rate limits, problem details, OpenAPI.</summary>
public static class ManagementApi
{
    /// <summary>Server administrators only (<see cref="ManagementPolicies.ServerAdministrator"/>).</summary>
    public const string AdministratorPolicy = ManagementPolicies.ServerAdministrator;

    public static IHostApplicationBuilder AddManagementApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TokenSigningKey>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.TryAddSingleton<SessionViews>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AccessTokenIssuer>((options, issuer) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = issuer.ValidationParameters();
            });
        builder.Services.AddAuthorizationBuilder().AddManagementPolicies();
        TokenRateLimits.AddTo(builder.Services);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapManagementApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapAuthApi();
        app.MapDomainsApi();
        app.MapAccountsApi();
        app.MapAccessApi();
        app.MapFilesApi();
        app.MapGroupsApi();
        app.MapSessionsApi();
        app.MapNodesApi();
        app.MapSettingsApi();
        app.MapBlacklistApi();
        app.MapLogApi();
        app.MapStatsApi();
        app.MapTrafficApi();
        return app;
    }
}
