using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommuniGateFtp.Tests.AppHost;

/// <summary>
/// The Azure Container Apps templates are kept by hand (the manifest cannot say TCP ingress with additional ports), so
/// they are held to the AppHost's manifest here: every TCP port the manifest declares for ftp is published with the same
/// port inside and out (PASV/EPSV announce the port the client dials), and every <c>Ftp__</c> setting the manifest gives
/// the service is set in the template, with the same value where the manifest has a literal one.
/// </summary>
public sealed partial class AcaTemplateTests
{
    private static readonly string Repository = RepositoryRoot();
    private static readonly JsonElement Ftp = Manifest().GetProperty("resources").GetProperty("ftp");
    private static readonly string Template = File.ReadAllText(Path.Combine(Repository, "CommuniGateFtp.AppHost", "infra", "ftp.tmpl.yaml"));

    [Fact]
    public void Every_tcp_port_of_the_manifest_is_published_by_the_ftp_template()
    {
        var published = PortMapping().Matches(Template)
            .Select(m => (Target: int.Parse(m.Groups["target"].Value), Exposed: int.Parse(m.Groups["exposed"].Value))).ToList();
        var control = Ftp.GetProperty("bindings").GetProperty("ftp").GetProperty("targetPort").GetInt32();
        Assert.Matches($@"transport: tcp\s*\n\s*exposedPort: 21\s*\n\s*targetPort: {control}\b", Template); // FTP control, on 21 outside

        var passive = Ftp.GetProperty("bindings").EnumerateObject().Where(b => b.Name.StartsWith("passive", StringComparison.Ordinal))
            .Select(b => b.Value.GetProperty("targetPort").GetInt32()).ToList();
        Assert.NotEmpty(passive);
        Assert.All(passive, port => Assert.Contains((port, port), published));
        Assert.True(published.Count <= 5, "Azure Container Apps allows five additional ports per app");
    }

    [Fact]
    public void Every_ftp_setting_of_the_manifest_is_set_by_the_ftp_template()
    {
        var env = TemplateEnvironment().Matches(Template).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim().Trim('"'));
        foreach (var setting in Ftp.GetProperty("env").EnumerateObject().Where(e => e.Name.StartsWith("Ftp__", StringComparison.Ordinal)))
        {
            Assert.True(env.ContainsKey(setting.Name), $"{setting.Name} is set by the manifest but not by ftp.tmpl.yaml");
            var value = setting.Value.GetString()!;
            if (!value.Contains('{'))
            {
                Assert.Equal(value, env[setting.Name]); // a literal in the manifest: the same in the template
            }
        }
        var control = Ftp.GetProperty("bindings").GetProperty("ftp").GetProperty("targetPort").GetInt32();
        Assert.Equal(control.ToString(), env["Ftp__Port"]);
    }

    private static JsonElement Manifest() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository, "CommuniGateFtp.Tests", "AppHost", "aspire-manifest.golden.json"))).RootElement;

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    // "targetPort: N" followed by "exposedPort: M": one of the additional port mappings.
    [GeneratedRegex(@"targetPort:\s*(?<target>\d+)\s*\n\s*exposedPort:\s*(?<exposed>\d+)")]
    private static partial Regex PortMapping();

    // "- name: X" followed by "value: Y" or "secretRef: Y".
    [GeneratedRegex(@"-\s*name:\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\n\s*(?:value|secretRef):\s*(?<value>[^\n]*)")]
    private static partial Regex TemplateEnvironment();
}
