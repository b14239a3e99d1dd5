using System.Text.Json.Nodes;
using CommuniGateFtp.Ftp.Management.Documents;
using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Tests.Ftp.Management.Documents;

/// <summary>PUT and PATCH bodies of <c>/api/settings/ftp</c> read into settings, without a server.</summary>
public sealed class SettingsDocumentTests
{
    private static readonly FtpServerSettings Stored = new()
    {
        Channels = 7,
        LanIps = "10.0.0.0/8",
        Listener = [new ListenerSocket { Port = 2121, AllowedClients = "127.0.0.0/8" }],
    };

    [Fact]
    public void Patch_changes_only_the_members_it_sends()
    {
        var (settings, errors) = SettingsDocument.Patched(Stored, JsonNode.Parse("""{"channels": 2000}"""));
        Assert.Empty(errors);
        Assert.Equal(Stored with { Channels = 2000, Listener = settings!.Listener }, settings);
        Assert.Equal(Stored.Listener, settings.Listener);
    }

    [Fact]
    public void Patch_with_null_resets_a_member_to_its_default()
    {
        var (settings, _) = SettingsDocument.Patched(Stored, JsonNode.Parse("""{"listener": null, "lanIps": null}"""));
        Assert.Null(settings!.Listener); // the start-up socket(s) again
        Assert.Equal(FtpServerSettings.DefaultLanIps, settings.LanIps);
        Assert.Equal(7, settings.Channels);
    }

    [Fact]
    public void Patch_names_members_in_any_case()
    {
        var (settings, errors) = SettingsDocument.Patched(Stored, JsonNode.Parse("""{"Channels": 3}"""));
        Assert.Empty(errors);
        Assert.Equal(3, settings!.Channels);
    }

    [Theory]
    [InlineData("""{"channelz": 3}""")]
    [InlineData("""{"channelz": null}""")] // merging alone would drop it silently
    public void Patch_with_an_unknown_member_is_refused_naming_it(string patch)
    {
        var (settings, errors) = SettingsDocument.Patched(Stored, JsonNode.Parse(patch));
        Assert.Null(settings);
        Assert.Equal(["channelz"], errors.Keys);
    }

    [Fact]
    public void Patch_with_an_unknown_member_in_a_listener_row_is_refused()
    {
        var (settings, errors) = SettingsDocument.Patched(Stored, JsonNode.Parse("""{"listener": [{"port": 21, "colour": "red"}]}"""));
        Assert.Null(settings);
        Assert.Contains("colour", Assert.Single(errors["settings"]));
    }

    [Fact]
    public void Patch_that_is_not_an_object_is_refused()
    {
        var (settings, errors) = SettingsDocument.Patched(Stored, JsonNode.Parse("""[{"op": "replace", "path": "/channels", "value": 3}]"""));
        Assert.Null(settings);
        Assert.Single(errors);
    }

    [Fact]
    public void Put_names_every_missing_member()
    {
        var (settings, errors) = SettingsDocument.Replacement(JsonNode.Parse("""{"channels": 2000, "lanIps": ""}"""));
        Assert.Null(settings);
        var everyOther = JsonSerializerMembers().Except(["channels", "lanIps"]).Order();
        Assert.Equal(everyOther, errors.Keys.Order());
    }

    [Fact]
    public void Put_of_the_whole_document_replaces_it()
    {
        var whole = System.Text.Json.JsonSerializer.SerializeToNode(Stored with { Channels = 9 }, LiveSettings.Json);
        var (settings, errors) = SettingsDocument.Replacement(whole);
        Assert.Empty(errors);
        Assert.Equal(9, settings!.Channels);
        Assert.Equal(Stored.Listener, settings.Listener);
    }

    [Fact]
    public void Put_with_null_for_a_member_that_cannot_be_null_is_refused()
    {
        var whole = System.Text.Json.JsonSerializer.SerializeToNode(Stored, LiveSettings.Json)!.AsObject();
        whole["blacklistedIps"] = null;
        var (settings, errors) = SettingsDocument.Replacement(whole);
        Assert.Null(settings);
        Assert.Contains("blacklistedIps", Assert.Single(errors["settings"]), StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> JsonSerializerMembers() =>
        System.Text.Json.JsonSerializer.SerializeToNode(new FtpServerSettings(), LiveSettings.Json)!.AsObject().Select(m => m.Key);
}
