using Microsoft.AspNetCore.Components.Authorization;

namespace CommuniGateFtp.Admin.Services;

/// <summary>The signed-in administrator's API token, kept in the authentication cookie (see <see cref="AdminSignInEndpoints"/>).</summary>
public sealed class AccessTokenSource(AuthenticationStateProvider authentication)
{
    public const string Claim = "access_token";

    public async Task<string?> GetAsync() => (await authentication.GetAuthenticationStateAsync()).User.FindFirst(Claim)?.Value;
}
