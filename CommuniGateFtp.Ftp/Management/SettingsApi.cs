using System.Text.Json;
using System.Text.Json.Nodes;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Management.Documents;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/settings/ftp</c>: read, replace (PUT, the whole document) and change (PATCH, RFC 7396) the live FTP settings,
/// and <c>/api/settings/ftp/listener</c> for the Listener table alone (SET-LISTENER). Unknown keys and invalid values are
/// refused, old values kept. Every answer carries the stored document's ETag and writes honour If-Match (RFC 9110 13.1.1).
/// Reads show the table in force, the start-up socket(s) when none is stored; a change answers once this node's sockets follow it.
/// </summary>
public static class SettingsApi
{
    /// <summary>RFC 7396 11: the media type of a JSON merge patch.</summary>
    public const string MergePatchMediaType = "application/merge-patch+json";

    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/settings").WithTags("Settings").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/ftp", Read);
        group.MapPut("/ftp", ReplaceAsync).Accepts<FtpServerSettings>("application/json");
        group.MapPatch("/ftp", PatchAsync).Accepts<FtpServerSettings>(MergePatchMediaType, "application/json");
        group.MapGet("/ftp/listener", ReadListener);
        group.MapPut("/ftp/listener", ReplaceListenerAsync).Accepts<ListenerSocket[]>("application/json");
        return routes;
    }

    private static Results<Ok<FtpServerSettings>, StatusCodeHttpResult> Read(HttpContext http, LiveSettings settings, FtpListenerService listener) =>
        NotModified(http, settings) ?? (Results<Ok<FtpServerSettings>, StatusCodeHttpResult>)TypedResults.Ok(InForce(http, settings, listener));

    private static Results<Ok<IReadOnlyList<ListenerSocket>>, StatusCodeHttpResult> ReadListener(HttpContext http, LiveSettings settings,
        FtpListenerService listener) =>
        NotModified(http, settings) ?? (Results<Ok<IReadOnlyList<ListenerSocket>>, StatusCodeHttpResult>)TypedResults.Ok(listener.Sockets);

    private static Task<Results<Ok<FtpServerSettings>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(HttpContext http, LiveSettings settings,
        FtpListenerService listener, IOptionsMonitor<FtpOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        WriteAsync(http, settings, listener, options, time, replacesAll: true, (_, body) => SettingsDocument.Replacement(body), cancellationToken);

    private static async Task<Results<Ok<FtpServerSettings>, ValidationProblem, ProblemHttpResult>> PatchAsync(HttpContext http, LiveSettings settings,
        FtpListenerService listener, IOptionsMonitor<FtpOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        // RFC 5789 2.2: a patch document of a type the resource does not support is refused (JSON Patch, RFC 6902, is not).
        var mediaType = http.Request.GetTypedHeaders().ContentType?.MediaType.Value;
        if (!string.Equals(mediaType, MergePatchMediaType, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers["Accept-Patch"] = $"{MergePatchMediaType}, application/json";
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported patch format",
                detail: $"PATCH takes a JSON merge patch (RFC 7396) as {MergePatchMediaType} or application/json.");
        }
        return await WriteAsync(http, settings, listener, options, time, replacesAll: false, SettingsDocument.Patched, cancellationToken);
    }

    private static async Task<Results<Ok<IReadOnlyList<ListenerSocket>>, ValidationProblem, ProblemHttpResult>> ReplaceListenerAsync(
        HttpContext http, LiveSettings settings, FtpListenerService listener, IOptionsMonitor<FtpOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ReadBodyAsync(http.Request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        // The table is replaced whole; the other settings are kept as they are stored when the save happens.
        var outcome = await SettingsWrite.SaveAsync(http, settings, options.CurrentValue, current => ReadTable(body) switch
        {
            { Table: { } table } => (current with { Listener = table }, []),
            var problem => (null, problem.Errors),
        }, replacesAll: false, cancellationToken);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }
        if (outcome.Failed is { } failed)
        {
            return failed;
        }
        await listener.ApplyAsync();
        EntityTags.Set(http.Response, EntityTags.Format(settings.Version));
        return TypedResults.Ok(listener.Sockets);
    }

    private static async Task<Results<Ok<FtpServerSettings>, ValidationProblem, ProblemHttpResult>> WriteAsync(HttpContext http, LiveSettings settings,
        FtpListenerService listener, IOptionsMonitor<FtpOptions> options, TimeProvider time, bool replacesAll,
        Func<FtpServerSettings, JsonNode?, (FtpServerSettings?, Dictionary<string, string[]>)> read, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ReadBodyAsync(http.Request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }
        var outcome = await SettingsWrite.SaveAsync(http, settings, options.CurrentValue, current => read(current, body),
            replacesAll, cancellationToken);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }
        if (outcome.Failed is { } failed)
        {
            return failed;
        }
        await listener.ApplyAsync();
        return TypedResults.Ok(InForce(http, settings, listener));
    }

    private static (IReadOnlyList<ListenerSocket>? Table, Dictionary<string, string[]> Errors) ReadTable(JsonNode? body)
    {
        try
        {
            if (body?.Deserialize<ListenerSocket[]>(LiveSettings.Json) is { } table)
            {
                return (table, []);
            }
            return (null, new Dictionary<string, string[]> { ["listener"] = ["A list of listener sockets is required."] });
        }
        catch (JsonException ex)
        {
            return (null, new Dictionary<string, string[]> { ["listener"] = [ex.Message] });
        }
    }

    private static async Task<(JsonNode? Body, ValidationProblem? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken), null);
        }
        catch (JsonException ex)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [ex.Message] }));
        }
    }

    // RFC 9110 13.1.2: the client's copy is current; the ETag is sent either way.
    private static StatusCodeHttpResult? NotModified(HttpContext http, LiveSettings settings)
    {
        var tag = EntityTags.Format(settings.Version);
        EntityTags.Set(http.Response, tag);
        return EntityTags.IfNoneMatch(http.Request, tag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : null;
    }

    // The settings and their ETag from one snapshot, so the tag always names the document shown.
    private static FtpServerSettings InForce(HttpContext http, LiveSettings settings, FtpListenerService listener)
    {
        var state = settings.State;
        EntityTags.Set(http.Response, EntityTags.Format(state.Version));
        return state.Settings with { Listener = listener.Sockets };
    }
}
