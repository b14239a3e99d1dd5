using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// The real Ftp service as a process of its own (the built <c>CommuniGateFtp.Ftp.dll</c>), for tests that must kill it
/// the hard way (SIGKILL) and start it again on the same database, storage and ports; or a second node of a cluster
/// beside an in-process one (same database, storage root and port numbers, another loopback address).
/// </summary>
public sealed class FtpServiceProcess : IAsyncDisposable
{
    public const string MainDomain = "crash.example";
    public const string AdminPassword = "Admin-Password-1";
    public const string NodeName = "crash-node";

    private readonly string _connectionString;
    private readonly bool _ownsStorage;
    private Process? _process;
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    private FtpServiceProcess(string connectionString, string storageRoot, bool ownsStorage, int ftpPort, string listenAddress, string nodeName,
        string mainDomain, string adminPassword) =>
        (_connectionString, StorageRoot, _ownsStorage, FtpPort, ListenAddress, Node, Domain, Password) =
        (connectionString, storageRoot, ownsStorage, ftpPort, listenAddress, nodeName, mainDomain, adminPassword);

    public string StorageRoot { get; }

    public int FtpPort { get; }

    /// <summary><c>Ftp:ListenAddress</c>: <c>*</c>, or one address (a cluster's second node on 127.0.0.2).</summary>
    public string ListenAddress { get; }

    /// <summary><c>Ftp:NodeName</c>.</summary>
    public string Node { get; }

    private string Domain { get; }

    private string Password { get; }

    public int ApiPort { get; } = TestPorts.Block(1); // below the ephemeral range, where no outgoing connection takes it meanwhile

    /// <summary>This node's staging folder (FS-ATOMIC).</summary>
    public string StagingDirectory => Path.Combine(StorageRoot, ".staging", Node);

    public static async Task<FtpServiceProcess> StartAsync()
    {
        var service = new FtpServiceProcess(await TestPostgres.CreateDatabaseAsync(), Directory.CreateTempSubdirectory("cgftp-crash-").FullName,
            ownsStorage: true, TestPorts.ControlPort(), "*", NodeName, MainDomain, AdminPassword);
        await service.RestartAsync();
        return service;
    }

    /// <summary>
    /// Another node of an existing service: its database and storage root (kept when this node is disposed), the same FTP
    /// port on <paramref name="listenAddress"/>, and its postmaster's credentials; <paramref name="environment"/> adds
    /// options (<c>Ftp__Tls__CertificatePath</c>, ...).
    /// </summary>
    public static async Task<FtpServiceProcess> StartNodeAsync(string connectionString, string storageRoot, int ftpPort, string listenAddress,
        string nodeName, string mainDomain, string adminPassword, IReadOnlyDictionary<string, string>? environment = null)
    {
        var service = new FtpServiceProcess(connectionString, storageRoot, ownsStorage: false, ftpPort, listenAddress, nodeName, mainDomain, adminPassword)
        {
            _environment = environment ?? new Dictionary<string, string>(),
        };
        await service.RestartAsync();
        return service;
    }

    /// <summary>The FTP listener of this node.</summary>
    public IPEndPoint FtpEndPoint => new(ListenAddress == "*" ? IPAddress.Loopback : IPAddress.Parse(ListenAddress), FtpPort);

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
        psi.Environment["Ftp__ListenAddress"] = ListenAddress;
        psi.Environment["Ftp__MainDomain"] = Domain;
        psi.Environment["Ftp__AdminPassword"] = Password;
        psi.Environment["Ftp__StorageRoot"] = StorageRoot;
        psi.Environment["Ftp__NodeName"] = Node;
        foreach (var (key, value) in _environment)
        {
            psi.Environment[key] = value;
        }
        _process = Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var probe = await RawFtpClient.ConnectAsync(FtpEndPoint, null);
                using var api = new HttpClient();
                (await api.GetAsync($"http://127.0.0.1:{ApiPort}/health")).EnsureSuccessStatusCode();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
            catch (Exception ex)
            {
                string printed;
                lock (output)
                {
                    printed = output.ToString();
                }
                // What the service printed says why it did not start (the tail: the failure is at the end).
                throw new InvalidOperationException(
                    $"The Ftp service ({Node}) did not start{(_process.HasExited ? $" (exit {_process.ExitCode})" : "")}: {ex.Message}\n{printed[^Math.Min(printed.Length, 6000)..]}", ex);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP (<paramref name="paused"/>) or SIGCONT: the node stands still, its sockets and database connections open.</summary>
    public Task PauseAsync(bool paused) => ProcessRunner.RunAsync("kill", [paused ? "-STOP" : "-CONT", _process!.Id.ToString()]);

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
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = $"postmaster@{Domain}", password = Password });
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
        if (_ownsStorage)
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }

    private sealed record TokenBody(string AccessToken);
}
