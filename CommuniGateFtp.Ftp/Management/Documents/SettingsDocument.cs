using System.Text.Json;
using System.Text.Json.Nodes;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Ftp.Management.Documents;

/// <summary>
/// Turns the bodies of <c>PUT</c> and <c>PATCH /api/settings/ftp</c> into settings, with the problems keyed by member.
/// Both read strictly (<see cref="LiveSettings.Json"/>): unknown members and wrong values are refused, never ignored.
/// </summary>
public static class SettingsDocument
{
    private static readonly JsonMembers Members = JsonMembers.Of<FtpServerSettings>(LiveSettings.Json);

    /// <summary>PUT: the complete document replaces the stored one, so every member must be sent (listener may be null).</summary>
    public static (FtpServerSettings? Settings, Dictionary<string, string[]> Errors) Replacement(JsonNode? body)
    {
        if (body is not JsonObject document)
        {
            return Refused("settings", "A settings object is required.");
        }
        var errors = Unknown(Members.Canonicalize(document).Unknown);
        foreach (var missing in Members.MissingFrom(document))
        {
            // RFC 9110 9.3.4: PUT replaces the resource; a member left out would silently fall back to its default.
            errors[missing] = [$"'{missing}' is missing: PUT replaces every setting, so send the whole document (as GET shows it), or PATCH the members to change."];
        }
        return errors.Count > 0 ? (null, errors) : Read(document);
    }

    /// <summary>
    /// PATCH: a JSON merge patch (RFC 7396) on <paramref name="current"/>: the members sent change; <c>null</c> resets a
    /// member to its default (for <c>listener</c>: the start-up socket(s)); arrays such as <c>listener</c> are replaced whole.
    /// </summary>
    public static (FtpServerSettings? Settings, Dictionary<string, string[]> Errors) Patched(FtpServerSettings current, JsonNode? body)
    {
        if (body is not JsonObject patch)
        {
            return Refused("settings", "A merge patch object is required (RFC 7396), e.g. {\"channels\": 50}.");
        }
        var (canonical, unknown) = Members.Canonicalize(patch);
        if (canonical is null)
        {
            return (null, Unknown(unknown));
        }
        var target = JsonSerializer.SerializeToNode(current, LiveSettings.Json);
        return Read((JsonObject)JsonMergePatch.Apply(target, canonical)!);
    }

    private static (FtpServerSettings?, Dictionary<string, string[]>) Read(JsonObject document)
    {
        try
        {
            return document.Deserialize<FtpServerSettings>(LiveSettings.Json) is { } settings
                ? (settings, [])
                : Refused("settings", "A settings object is required.");
        }
        catch (JsonException ex)
        {
            return Refused("settings", ex.Message);
        }
    }

    private static Dictionary<string, string[]> Unknown(IEnumerable<string> names) =>
        names.ToDictionary(name => name, name => new[] { $"'{name}' is not a setting." });

    private static (FtpServerSettings?, Dictionary<string, string[]>) Refused(string key, string message) =>
        (null, new Dictionary<string, string[]> { [key] = [message] });
}
