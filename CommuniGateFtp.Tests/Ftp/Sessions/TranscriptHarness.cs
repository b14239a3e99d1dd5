using System.IO.Pipelines;
using System.Globalization;
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
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Ftp.Sessions;

/// <summary>
/// Drives the real session loop over an in-memory pipe pair with a script: <c>C: line</c> sends, <c>S: text</c> expects
/// the next reply line to start with the text, <c>S- text</c> a whole multi-line reply containing it, <c>ADVANCE
/// hh:mm:ss</c> moves the server's clock (a <see cref="FakeTimeProvider"/> when the test passes one), <c>CLOSED</c>
/// expects the server to close. Any other line fails the test, and so does a reply the script did not read. Accounts come
/// from a small table instead of PostgreSQL: this layer tests the protocol, the API and end-to-end tests test the database.
/// </summary>
public sealed class TranscriptHarness
{
    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    public static async Task RunAsync(string script, Action<FtpOptions>? configure = null, Func<FtpServerSettings, FtpServerSettings>? live = null,
        FakeTimeProvider? clock = null)
    {
        var storageRoot = Directory.CreateTempSubdirectory("cgftp-transcript-").FullName;
        try
        {
            await RunAsync(script, storageRoot, configure, live, clock);
        }
        finally
        {
            Directory.Delete(storageRoot, recursive: true);
        }
    }

    private static async Task RunAsync(string script, string storageRoot, Action<FtpOptions>? configure, Func<FtpServerSettings, FtpServerSettings>? live,
        FakeTimeProvider? clock)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton<TimeProvider>(clock);
        }
        services
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
        await provider.GetRequiredService<LiveSettings>().SaveAsync(live?.Invoke(settings) ?? settings, CancellationToken.None);

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
            else if (raw.StartsWith("ADVANCE ", StringComparison.Ordinal))
            {
                Assert.True(clock is not null, "ADVANCE needs the test to pass a FakeTimeProvider");
                clock.Advance(TimeSpan.Parse(raw[8..], CultureInfo.InvariantCulture));
            }
            else
            {
                Assert.Fail($"the transcript line '{raw}' is not C:, S:, S-, ADVANCE or CLOSED");
            }
        }
        await toServer.Writer.CompleteAsync();
        await session.WaitAsync(TimeSpan.FromSeconds(10));
        await toClient.Writer.CompleteAsync();
        var unread = await replies.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(unread.Length == 0, $"replies the script did not read:\n{unread}");
    }
}
