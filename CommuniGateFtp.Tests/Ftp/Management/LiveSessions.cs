using System.Net.Http.Json;
using System.Text.Json;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>What the live-view tests share: finding a session by its client's port, and a slow curl download.</summary>
public static class LiveSessions
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>The session whose client connected from <paramref name="clientPort"/>, as <c>GET /api/sessions</c> lists it.</summary>
    public static async Task<JsonElement> FindAsync(HttpClient admin, int clientPort)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var sessions = await admin.GetFromJsonAsync<JsonElement>("/api/sessions");
            found = sessions.EnumerateArray().Single(s => s.GetProperty("client").GetString()!.EndsWith($"]:{clientPort}", StringComparison.Ordinal));
        });
        return found;
    }

    /// <summary>
    /// curl downloading <paramref name="path"/> at <paramref name="bytesPerSecond"/>, verbose (the dialogue is in its
    /// stderr). The file must be much larger than the loopback socket buffers, or the server's side ends at once.
    /// </summary>
    /// <param name="sizeUnknown">
    /// curl skips SIZE: a curl that knows the size ends a short transfer with "partial file" without reading the control
    /// reply, one that does not reads it (so it shows a <c>421</c>).
    /// </param>
    public static Task<ProcessOutput> SlowDownloadAsync(int port, string user, string password, string path, string bytesPerSecond,
        bool sizeUnknown = false) =>
        ProcessRunner.RunAsync(RequiredTool.Find("curl"),
            ["-sS", "-v", "--user", $"{user}:{password}", "--limit-rate", bytesPerSecond, "--max-time", "60", "-o", "/dev/null",
                .. sizeUnknown ? new[] { "--ignore-content-length" } : [], $"ftp://127.0.0.1:{port}/{path}"], timeout: TimeSpan.FromMinutes(2));
}
