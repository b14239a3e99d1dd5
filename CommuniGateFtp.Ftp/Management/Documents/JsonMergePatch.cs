using System.Text.Json.Nodes;

namespace CommuniGateFtp.Ftp.Management.Documents;

/// <summary>JSON merge patch (RFC 7396): the members a patch sends replace the target's, <c>null</c> removes one.</summary>
public static class JsonMergePatch
{
    /// <summary>The <paramref name="target"/> with <paramref name="patch"/> applied; neither input is changed.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        // RFC 7396 2: a patch that is not an object (an array too) replaces the target whole.
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }
        var result = target is JsonObject original ? (JsonObject)original.DeepClone() : [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }
        return result;
    }
}
