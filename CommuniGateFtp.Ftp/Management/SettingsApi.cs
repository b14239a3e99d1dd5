using System.Text.Json;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/settings/ftp</c>: read and change the live FTP settings, and <c>/api/settings/ftp/listener</c> for the
/// Listener table alone (SET-LISTENER). Unknown keys and invalid values are refused, old values kept. Reads show the
/// table in force, the start-up socket(s) when none is stored; a change answers once this node's sockets follow it.
/// </summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/settings").WithTags("Settings").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/ftp", (LiveSettings settings, FtpListenerService listener) => TypedResults.Ok(InForce(settings, listener)));
        group.MapPut("/ftp", UpdateAsync).Accepts<FtpServerSettings>("application/json");
        group.MapGet("/ftp/listener", (FtpListenerService listener) => TypedResults.Ok(listener.Sockets));
        group.MapPut("/ftp/listener", UpdateListenerAsync).Accepts<ListenerSocket[]>("application/json");
        return routes;
    }

    private static async Task<Results<Ok<FtpServerSettings>, ValidationProblem>> UpdateAsync(HttpRequest request, LiveSettings settings,
        FtpListenerService listener, IOptionsMonitor<FtpOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (updated, problem) = await ReadAsync<FtpServerSettings>(request, "settings", "A settings object is required.", cancellationToken);
        if (updated is null)
        {
            return problem!;
        }
        var errors = updated.Validate(CertificateConfigured(options));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        updated = updated with { Listener = updated.Listener is { } table ? ListenerTable.WithoutRemovedRows(table) : null };
        await settings.SaveAsync(updated, time, cancellationToken);
        await listener.ApplyAsync();
        return TypedResults.Ok(InForce(settings, listener));
    }

    private static async Task<Results<Ok<IReadOnlyList<ListenerSocket>>, ValidationProblem>> UpdateListenerAsync(HttpRequest request,
        LiveSettings settings, FtpListenerService listener, IOptionsMonitor<FtpOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (table, problem) = await ReadAsync<ListenerSocket[]>(request, "listener", "A list of listener sockets is required.", cancellationToken);
        if (table is null)
        {
            return problem!;
        }
        var errors = new Dictionary<string, string[]>();
        ListenerTable.Validate(table, CertificateConfigured(options), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await settings.SaveAsync(settings.Current with { Listener = ListenerTable.WithoutRemovedRows(table) }, time, cancellationToken);
        await listener.ApplyAsync();
        return TypedResults.Ok(listener.Sockets);
    }

    // Read by hand: the strict options refuse unknown keys instead of ignoring them.
    private static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest request, string key, string required,
        CancellationToken cancellationToken) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, LiveSettings.Json, cancellationToken);
            return value is null ? (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [required] })) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [ex.Message] }));
        }
    }

    private static FtpServerSettings InForce(LiveSettings settings, FtpListenerService listener) =>
        settings.Current with { Listener = listener.Sockets };

    // Secure sockets need a certificate; which file it is and whether it loads is the start-up configuration's business.
    private static bool CertificateConfigured(IOptionsMonitor<FtpOptions> options) =>
        !string.IsNullOrWhiteSpace(options.CurrentValue.Tls.CertificatePath);
}
