using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// The <c>admin-password</c> parameter: the password of <c>postmaster</c>, CommuniGate Pro's administrator account.
/// Taken from <c>Parameters:admin-password</c> when given; otherwise generated once, kept in the AppHost's user
/// secrets and printed on the run that generated it.
/// </summary>
public static class AdminPasswordExtensions
{
    public const string ParameterName = "admin-password";

    public static IResourceBuilder<ParameterResource> AddAdminPassword(this IDistributedApplicationBuilder builder)
    {
        var given = !string.IsNullOrEmpty(builder.Configuration[$"Parameters:{ParameterName}"]);
        var parameter = builder.AddParameter(ParameterName,
            new GenerateParameterDefault { MinLength = 20, Special = false }, secret: true, persist: true);
        if (!given && builder.ExecutionContext.IsRunMode)
        {
            builder.Eventing.Subscribe<BeforeStartEvent>(async (_, ct) =>
            {
                var password = await parameter.Resource.GetValueAsync(ct);
                Console.WriteLine($"Generated the password of 'postmaster' (kept in the AppHost's user secrets as Parameters:{ParameterName}): {password}");
            });
        }
        return parameter;
    }
}
