using CommuniGateFtp.AppHost.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary><c>StopServicesFirst()</c>: see <see cref="ServicesFirstShutdown"/>.</summary>
public static class ServicesFirstShutdownExtensions
{
    public static IDistributedApplicationBuilder StopServicesFirst(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ServicesFirstShutdown>();
        return builder;
    }
}
