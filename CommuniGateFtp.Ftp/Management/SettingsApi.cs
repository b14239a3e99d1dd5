using System.Text.Json;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommuniGateFtp.Ftp.Management;

/// <summary><c>/api/settings/ftp</c>: read and change the live FTP settings; unknown keys are refused, old values kept.</summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/settings").WithTags("Settings").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/ftp", (LiveSettings settings) => TypedResults.Ok(settings.Current));
        group.MapPut("/ftp", UpdateAsync).Accepts<FtpServerSettings>("application/json");
        return routes;
    }

    private static async Task<Results<Ok<FtpServerSettings>, ValidationProblem>> UpdateAsync(HttpRequest request, LiveSettings settings,
        TimeProvider time, CancellationToken cancellationToken)
    {
        FtpServerSettings? updated;
        try
        {
            // Read by hand: the strict options refuse unknown keys instead of ignoring them.
            updated = await JsonSerializer.DeserializeAsync<FtpServerSettings>(request.Body, LiveSettings.Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["settings"] = [ex.Message] });
        }
        if (updated is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["settings"] = ["A settings object is required."] });
        }
        var errors = updated.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await settings.SaveAsync(updated, time, cancellationToken);
        return TypedResults.Ok(updated);
    }
}
