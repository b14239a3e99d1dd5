using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// Where the Ftp service keeps accounts' File Storage: <c>Ftp:StorageRoot</c> from the AppHost's configuration, else
/// <c>.data/storage</c> beside the AppHost in run mode (kept across runs, like PostgreSQL's data). In publish mode the
/// service's own default applies; mount a shared volume there (docs/deployment-aca.md).
/// </summary>
public static class FileStorageExtensions
{
    public static IResourceBuilder<ProjectResource> WithFileStorage(this IResourceBuilder<ProjectResource> ftp)
    {
        var builder = ftp.ApplicationBuilder;
        var configured = builder.Configuration["Ftp:StorageRoot"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return ftp.WithEnvironment("Ftp__StorageRoot", Path.GetFullPath(configured, builder.AppHostDirectory));
        }
        return builder.ExecutionContext.IsRunMode
            ? ftp.WithEnvironment("Ftp__StorageRoot", Path.Combine(builder.AppHostDirectory, ".data", "storage"))
            : ftp;
    }
}
