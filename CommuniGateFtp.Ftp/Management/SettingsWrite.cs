using CommuniGateFtp.Ftp.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// One write of the live settings for the settings routes: the If-Match precondition, the route's change, validation,
/// and a save that only succeeds on the version the change was made from — so a change computed from older settings
/// (another node saved meanwhile) is made again from the newer ones instead of overwriting them.
/// </summary>
public static class SettingsWrite
{
    private const int Attempts = 5;

    /// <summary>What the write came to: saved (both null), refused as invalid, or refused by a precondition.</summary>
    public readonly record struct Outcome(ValidationProblem? Invalid, ProblemHttpResult? Failed);

    /// <param name="change">The new settings from the current ones, or the problems with the request.</param>
    /// <param name="replacesAll">PUT of the whole document: without If-Match it does not depend on what is stored.</param>
    public static Task<Outcome> SaveAsync(HttpContext http, LiveSettings settings, FtpOptions options,
        Func<FtpServerSettings, (FtpServerSettings? Settings, Dictionary<string, string[]> Errors)> change, bool replacesAll,
        CancellationToken cancellationToken) =>
        settings.WriteExclusivelyAsync(() => AttemptAsync(http, settings, options, change, replacesAll, cancellationToken),
            cancellationToken);

    private static async Task<Outcome> AttemptAsync(HttpContext http, LiveSettings settings, FtpOptions options,
        Func<FtpServerSettings, (FtpServerSettings? Settings, Dictionary<string, string[]> Errors)> change, bool replacesAll,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = settings.State;
            var precondition = EntityTags.IfMatch(http.Request, EntityTags.Format(state.Version));
            if (precondition == false)
            {
                if (attempt == 1)
                {
                    await settings.ReloadAsync(cancellationToken); // the client may have read a save this node has not heard of yet
                    continue;
                }
                return new(null, EntityTags.PreconditionFailed(http.Response, EntityTags.Format(state.Version), "The FTP settings"));
            }
            var (updated, errors) = change(state.Settings);
            if (updated is null)
            {
                return new(TypedResults.ValidationProblem(errors), null);
            }
            // Secure sockets need a certificate; which file it is and whether it loads is the start-up configuration's business.
            errors = updated.Validate(certificateConfigured: !string.IsNullOrWhiteSpace(options.Tls.CertificatePath));
            DeclaredPassivePorts.Check(updated, options, errors);
            if (errors.Count > 0)
            {
                return new(TypedResults.ValidationProblem(errors), null);
            }
            updated = updated with { Listener = updated.Listener is { } table ? ListenerTable.WithoutRemovedRows(table) : null };
            var expected = replacesAll && precondition is null ? null : state.Version;
            if (await settings.TrySaveAsync(updated, expected, cancellationToken))
            {
                return new(null, null);
            }
            if (attempt >= Attempts)
            {
                return new(null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Settings busy",
                    detail: "The settings kept changing while this change was being saved; send it again."));
            }
            await settings.ReloadAsync(cancellationToken);
        }
    }
}
