using System.IO.Pipelines;
using System.Net;
using System.Text;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Commands;
using CommuniGateFtp.Ftp.Commands.Transfer;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Hosting;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Tests.Ftp.Sessions;

/// <summary>
/// Drives the real session loop over an in-memory pipe pair with a <c>C:</c>/<c>S:</c> script. Accounts come from a
/// small table instead of PostgreSQL: this layer tests the protocol, the API and end-to-end tests test the database.
/// </summary>
public sealed class TranscriptHarness
{
    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    public static async Task RunAsync(string script, Action<FtpOptions>? configure = null, Func<FtpServerSettings, FtpServerSettings>? live = null)
    {
        var storageRoot = Directory.CreateTempSubdirectory("cgftp-transcript-").FullName;
        try
        {
            await RunAsync(script, storageRoot, configure, live);
        }
        finally
        {
            Directory.Delete(storageRoot, recursive: true);
        }
    }

    private static async Task RunAsync(string script, string storageRoot, Action<FtpOptions>? configure, Func<FtpServerSettings, FtpServerSettings>? live)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddFtpEngine()
            .AddSingleton<IAccountAuthenticator, TableAuthenticator>()
            .AddSingleton<IStorageUsage, UnlimitedStorageUsage>()
            .AddSingleton<NoAccessControl>()
            .AddSingleton<IAccessControlStore>(sp => sp.GetRequiredService<NoAccessControl>())
            .AddSingleton<IStorageOwners>(sp => sp.GetRequiredService<NoAccessControl>());
        services.AddOptions<FtpOptions>().Configure(o =>
        {
            o.HostName = "test-host";
            o.StorageRoot = storageRoot;
            configure?.Invoke(o);
        });
        await using var provider = services.BuildServiceProvider();
        var settings = new FtpServerSettings { LoginFailureDelay = TimeSpan.FromMilliseconds(10) };
        provider.GetRequiredService<LiveSettings>().Apply(live?.Invoke(settings) ?? settings);

        var toServer = new Pipe();
        var toClient = new Pipe();
        var loop = provider.GetRequiredService<FtpSessionLoop>();
        var session = loop.RunAsync(new DuplexPipe(toServer.Reader, toClient.Writer), new IPEndPoint(IPAddress.Loopback, 40000), null, CancellationToken.None);
        var replies = new StreamReader(toClient.Reader.AsStream(), Encoding.UTF8);

        foreach (var raw in script.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.StartsWith("C: ", StringComparison.Ordinal))
            {
                await toServer.Writer.WriteAsync(Encoding.UTF8.GetBytes(raw[3..].Replace("\\r\\n", "\r\n") + "\r\n"));
            }
            else if (raw.StartsWith("S: ", StringComparison.Ordinal))
            {
                var line = await replies.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
                Assert.True(line is not null && line.StartsWith(raw[3..], StringComparison.Ordinal), $"expected '{raw[3..]}', got '{line}'");
            }
            else if (raw.StartsWith("S- ", StringComparison.Ordinal))
            {
                // A whole multi-line reply: its lines up to the final "xyz " line; the expected text is in one of them.
                var lines = new List<string>();
                string? line;
                do
                {
                    line = await replies.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
                    lines.Add(line ?? "");
                }
                while (line is not null && !(line.Length >= 4 && char.IsAsciiDigit(line[0]) && line[3] == ' '));
                Assert.True(lines.Any(l => l.Contains(raw[3..], StringComparison.Ordinal)), $"expected '{raw[3..]}' in\n{string.Join("\n", lines)}");
            }
            else if (raw == "CLOSED")
            {
                Assert.Null(await replies.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            }
        }
        await toServer.Writer.CompleteAsync();
        await session.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
