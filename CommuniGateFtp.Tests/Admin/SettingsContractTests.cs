using System.Text.Json;
using System.Text.Json.Nodes;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>The WebAdmin's settings shape is derived from the engine's FtpServerSettings: same members, same defaults.</summary>
public sealed class SettingsContractTests
{
    [Fact]
    public void FtpSettingsModel_has_the_members_and_defaults_of_FtpServerSettings()
    {
        var engine = JsonSerializer.SerializeToNode(new FtpServerSettings { Listener = [new ListenerSocket()] }, LiveSettings.Json)!;
        var contract = JsonSerializer.SerializeToNode(new FtpSettingsModel { Listener = [new ListenerSocketModel()] }, JsonSerializerOptions.Web)!;
        Assert.True(JsonNode.DeepEquals(engine, contract), $"engine {engine.ToJsonString()}\ncontract {contract.ToJsonString()}");
    }

    [Fact]
    public void Patch_holds_only_the_members_that_changed()
    {
        var original = new FtpSettingsModel { Listener = [new ListenerSocketModel { Port = 21 }] };
        var edited = SettingsPatch.Copy(original);
        edited.Channels = 1;
        edited.IdleTimeout = TimeSpan.FromMinutes(10);
        var patch = SettingsPatch.Between(original, edited);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"channels":1,"idleTimeout":"00:10:00"}"""), patch), patch.ToJsonString());
    }

    [Fact]
    public void Patch_sends_the_listener_table_whole_when_a_row_changes()
    {
        var original = new FtpSettingsModel { Listener = [new ListenerSocketModel { Port = 21 }] };
        var edited = SettingsPatch.Copy(original);
        edited.Listener!.Add(new ListenerSocketModel { Port = 990, Secure = true });
        Assert.Equal(2, SettingsPatch.Between(original, edited)["listener"]!.AsArray().Count);
    }
}
