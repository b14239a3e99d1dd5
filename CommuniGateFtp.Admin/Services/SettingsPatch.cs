using System.Text.Json;
using System.Text.Json.Nodes;
using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services;

/// <summary>
/// An RFC 7396 merge patch of the members an operator changed, so a save never writes back values another administrator
/// changed meanwhile in other members. Arrays (the Listener table) are sent whole, as merge patches replace them.
/// </summary>
public static class SettingsPatch
{
    public static JsonObject Between(FtpSettingsModel original, FtpSettingsModel edited)
    {
        var before = JsonSerializer.SerializeToNode(original, FtpApiClient.Json)!.AsObject();
        var after = JsonSerializer.SerializeToNode(edited, FtpApiClient.Json)!.AsObject();
        var patch = new JsonObject();
        foreach (var (name, value) in after)
        {
            if (!JsonNode.DeepEquals(before[name], value))
            {
                patch[name] = value?.DeepClone();
            }
        }
        return patch;
    }

    /// <summary>A deep copy, to keep what was read beside what is being edited.</summary>
    public static FtpSettingsModel Copy(FtpSettingsModel settings) =>
        JsonSerializer.Deserialize<FtpSettingsModel>(JsonSerializer.Serialize(settings, FtpApiClient.Json), FtpApiClient.Json)!;
}
