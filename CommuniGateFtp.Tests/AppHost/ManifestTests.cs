using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.AppHost;

/// <summary>
/// The Aspire manifest that azd consumes is a contract: resource names, bindings and wiring are pinned by a golden
/// file (set UPDATE_GOLDEN=1 to rewrite it after a deliberate change).
/// </summary>
public sealed partial class ManifestTests
{
    [Fact]
    public async Task Publisher_manifest_matches_the_golden_file()
    {
        var repo = RepositoryRoot();
        var output = Path.Combine(repo, "CommuniGateFtp.AppHost", "obj", "manifest-test", "aspire-manifest.json");
        var configuration = typeof(ManifestTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var run = await ProcessRunner.RunAsync("dotnet",
            ["run", "--project", Path.Combine(repo, "CommuniGateFtp.AppHost"), "-c", configuration, "--no-build", "--no-launch-profile",
             "--", "--publisher", "manifest", "--output-path", output], timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());

        // The volume name carries a hash of the AppHost's path: the same project in another clone has another one.
        var actual = VolumeHash().Replace(await File.ReadAllTextAsync(output), "-HASH-");
        var golden = Path.Combine(repo, "CommuniGateFtp.Tests", "AppHost", "aspire-manifest.golden.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(golden, actual);
        }
        Assert.Equal(await File.ReadAllTextAsync(golden), actual);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    [GeneratedRegex("-[0-9a-f]{10}-")]
    private static partial Regex VolumeHash();
}
