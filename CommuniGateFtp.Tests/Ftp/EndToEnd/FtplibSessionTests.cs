using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.EndToEnd;

/// <summary>Python's ftplib: a scripted session (MLSD, REST, ABOR, TYPE A) and 20 parallel byte-exact sessions.</summary>
public sealed class FtplibSessionTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>
{
    private static string Script(string name, [CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Scripts", name);

    [Fact]
    public async Task Scripted_session_covers_mlsd_rest_abor_and_type_a()
    {
        await service.CreateFtpAccountAsync("py", "py-pass-1");
        var run = await ProcessRunner.RunAsync(RequiredTool.Find("python3"), [Script("ftplib_session.py"), service.FtpPort.ToString(), "py", "py-pass-1"],
            timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("OK", run.Stdout.Trim());
    }

    [Fact]
    public async Task Twenty_parallel_sessions_transfer_byte_exact()
    {
        await service.CreateFtpAccountAsync("many", "many-pass-1");
        // Twenty at once is exactly the default Channels limit: leave room for a session of another test still closing.
        await service.ApplySettingsAsync(s => s with { Channels = 40 });
        var run = await ProcessRunner.RunAsync(RequiredTool.Find("python3"), [Script("ftplib_parallel.py"), service.FtpPort.ToString(), "many", "many-pass-1", "20"],
            timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("20 sessions byte-exact", run.Stdout.Trim());
    }
}
