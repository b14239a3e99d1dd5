using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// ETags and the conditional requests of RFC 9110 section 13 (formerly RFC 7232) for the management API: writes honour
/// <c>If-Match</c> so that an administrator's change never overwrites another's unseen; reads honour <c>If-None-Match</c>.
/// </summary>
public static class EntityTags
{
    /// <summary>A strong entity tag (RFC 9110 8.8.3: quoted) for an opaque version.</summary>
    public static string Format(string version) => $"\"{version}\"";

    /// <summary>
    /// A strong entity tag for a representation that has no stored version: a SHA-256 of its JSON, which changes
    /// whenever anything the client sees changes (RFC 9110 8.8.1).
    /// </summary>
    public static string Of<T>(T representation) =>
        Format(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(representation, System.Text.Json.JsonSerializerOptions.Web)).AsSpan(0, 16)));

    /// <summary>Writes the ETag header.</summary>
    public static void Set(HttpResponse response, string tag) => response.Headers.ETag = tag;

    /// <summary>
    /// Null when the request has no If-Match (unconditional, as before ETags existed); else whether <paramref name="tag"/>
    /// satisfies it: <c>*</c> matches the existing resource, a listed tag only by strong comparison (RFC 9110 13.1.1).
    /// </summary>
    public static bool? IfMatch(HttpRequest request, string tag)
    {
        var conditions = request.GetTypedHeaders().IfMatch;
        if (conditions.Count == 0)
        {
            return null;
        }
        var current = new EntityTagHeaderValue(tag);
        return conditions.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(current, useStrongComparison: true));
    }

    /// <summary>Whether a GET may answer <c>304 Not Modified</c>: If-None-Match lists the tag (weak comparison, RFC 9110 13.1.2) or is <c>*</c>.</summary>
    public static bool IfNoneMatch(HttpRequest request, string tag)
    {
        var current = new EntityTagHeaderValue(tag);
        return request.GetTypedHeaders().IfNoneMatch.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(current, useStrongComparison: false));
    }

    /// <summary>RFC 9110 15.5.13: the resource changed since the client read it; the answer carries the current ETag.</summary>
    public static ProblemHttpResult PreconditionFailed(HttpResponse response, string currentTag, string what)
    {
        Set(response, currentTag);
        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition Failed",
            detail: $"{what} changed since the version in If-Match (another administrator saved first). Read it again (ETag {currentTag}), reapply the change and send it with the new ETag.");
    }
}
