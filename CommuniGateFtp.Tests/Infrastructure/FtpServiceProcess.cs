using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// The real Ftp service as a process of its own (the built <c>CommuniGateFtp.Ftp.dll</c>), for tests that must kill it
/// the hard way (SIGKILL) and start it again on the same database, storage and ports.
/// </summary>
public sealed class FtpServiceProcess : IAsyncDisposable
{
    public const string MainDomain = "crash.example";
    public const string AdminPassword = "Admin-Password-1";
    public const string NodeName = "crash-node";

    private readonly string _connectionString;
    private Process? _process;

    private FtpServiceProcess(string connectionString, string storageRoot) => (_connectionString, StorageRoot) = (connectionString, storageRoot);

    public string StorageRoot { get; }

    public int FtpPort { get; } = TestPorts.ControlPort();

    public int ApiPort { get; } = TestPostgres.FreePort();

    /// <summary>This node's staging folder (FS-ATOMIC).</summary>
    public string StagingDirectory => Path.Combine(StorageRoot, ".staging", NodeName);

    public static async Task<FtpServiceProcess> StartAsync()
    {
        var service = new FtpServiceProcess(await TestPostgres.CreateDatabaseAsync(), Directory.CreateTempSubdirectory("cgftp-crash-").FullName);
        await service.RestartAsync();
        return service;
    }

    public string AccountRoot(string name) => Path.Combine(StorageRoot, MainDomain, name);

    /// <summary>Starts the process (again) and waits until FTP greets and the API answers.</summary>
    public async Task RestartAsync()
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CommuniGateFtp.Ftp.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ConnectionStrings__ftpdb"] = _connectionString;
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ApiPort}";
        psi.Environment["Ftp__Port"] = FtpPort.ToString();
        psi.Environment["Ftp__MainDomain"] = MainDomain;
        psi.Environment["Ftp__AdminPassword"] = AdminPassword;
        psi.Environment["Ftp__StorageRoot"] = StorageRoot;
        psi.Environment["Ftp__NodeName"] = NodeName;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var probe = await RawFtpClient.ConnectAsync(FtpPort);
                using var api = new HttpClient();
                (await api.GetAsync($"http://127.0.0.1:{ApiPort}/health")).EnsureSuccessStatusCode();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a container: the service shuts down by itself; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        await ProcessRunner.RunAsync("kill", ["-TERM", _process!.Id.ToString()]);
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>A client of the management API carrying postmaster's bearer token.</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ApiPort}") };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = $"postmaster@{MainDomain}", password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await KillAsync();
        }
        _process?.Dispose();
        Directory.Delete(StorageRoot, recursive: true);
    }

    private sealed record TokenBody(string AccessToken);
}
