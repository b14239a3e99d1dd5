using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.AppHost;

/// <summary>
/// Ctrl+C of <c>dotnet run --project CommuniGateFtp.AppHost</c>, as a terminal delivers it (SIGINT to the foreground
/// process group): every process the run started is gone within 5 s, the FTP and WebAdmin services before PostgreSQL,
/// and the FTP port is free for an immediate second run (issue 17). The real command in a process group of its own,
/// not Aspire.Hosting.Testing, whose StopAsync is not the path an operator's Ctrl+C takes.
/// </summary>
public sealed class CtrlCStopTests
{
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Ctrl_C_ends_every_process_within_five_seconds_and_postgres_after_the_services()
    {
        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            RequiredTool.Missing("postgresql", "PostgreSQL server binaries are not installed (apt-get install postgresql)");
        }
        var python = RequiredTool.Find("python3");
        var data = Directory.CreateTempSubdirectory("cgftp-ctrlc-");
        var ftpPort = TestPorts.ControlPort();
        var output = new StringBuilder();
        using var appHost = StartAppHost(python, data.FullName, ftpPort, output);
        int[] tree = [];
        try
        {
            await WaitUntilServingAsync(appHost, ftpPort, output);
            tree = RunProcesses(appHost.Id);
            var ftp = tree.Where(p => CommandLine(p).Contains("CommuniGateFtp.Ftp", StringComparison.Ordinal)).ToArray();
            var admin = tree.Where(p => CommandLine(p).Contains("CommuniGateFtp.Admin", StringComparison.Ordinal)).ToArray();
            int[] postgres = [int.Parse(File.ReadLines(Path.Combine(data.FullName, "postgres", "postmaster.pid")).First())];
            Assert.NotEmpty(ftp);
            Assert.NotEmpty(admin);

            var clock = Stopwatch.StartNew();
            Signal("-INT", -appHost.Id); // the whole process group, as the terminal's Ctrl+C
            var gone = await Task.WhenAll(
                GoneAsync("ftp", ftp, clock), GoneAsync("admin", admin, clock), GoneAsync("postgres", postgres, clock),
                GoneAsync("dotnet run", [appHost.Id], clock), GoneAsync("every process", [appHost.Id, .. tree], clock));
            var at = gone.ToDictionary(g => g.Name, g => g.At);

            var timings = $"gone after: {string.Join(", ", at.Select(g => $"{g.Key} {g.Value.TotalSeconds:0.0} s"))}";
            TestContext.Current.TestOutputHelper?.WriteLine(timings);
            var report = $"{timings}\n{output}";
            Assert.All(at.Where(g => g.Key != "every process"), g => Assert.True(g.Value < Allowed, report));
            Assert.True(at["postgres"] >= at["ftp"] && at["postgres"] >= at["admin"], report);
            Assert.True(TestPorts.IsFree(ftpPort), $"port {ftpPort} still bound; {report}");
            // The orchestrator's own processes (dcp) leave on their own schedule once the AppHost is gone; they hold no
            // port of ours. Bounded loosely here, so that a busy CI machine does not make this test flaky.
            Assert.True(at["every process"] < 3 * Allowed, report);
        }
        finally
        {
            if (!appHost.HasExited)
            {
                Signal("-KILL", -appHost.Id);
            }
            foreach (var left in tree.Concat(RunProcesses(appHost.Id)).Where(IsRunning))
            {
                Signal("-KILL", left);
            }
            data.Delete(recursive: true);
        }
    }

    private static Process StartAppHost(string python, string data, int ftpPort, StringBuilder output)
    {
        var configuration = typeof(CtrlCStopTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        // The run leads a process group of its own (setsid), so the test's SIGINT reaches it and nothing else; and SIGINT
        // is set back to its default, since a test run started in the background inherits it ignored.
        foreach (var arg in (string[])["-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.setsid(); os.execvp(sys.argv[1], sys.argv[1:])",
                     "dotnet", "run", "--project", Path.Combine(RepositoryRoot(), "CommuniGateFtp.AppHost"),
                     "-c", configuration, "--no-build", "--no-launch-profile", "--",
                     $"--Ftp:Port={ftpPort}", $"--Postgres:DataDirectory={Path.Combine(data, "postgres")}",
                     $"--Ftp:StorageRoot={Path.Combine(data, "storage")}", "--Parameters:admin-password=CtrlC-Admin-Pass-1",
                     "--DcpPublisher:RandomizePorts=true"])   // 8010/8011 may be taken by a running system
        {
            psi.ArgumentList.Add(arg);
        }
        // What the launch profile sets, on ports of the test's own.
        psi.Environment["DOTNET_ENVIRONMENT"] = "Development";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{TestPorts.Block(1)}";
        psi.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{TestPorts.Block(1)}";
        psi.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{TestPorts.Block(1)}";
        psi.Environment["ASPIRE_VERSION_CHECK_DISABLED"] = "true";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // The FTP greeting from the service, and the WebAdmin's process running.
    private static async Task WaitUntilServingAsync(Process appHost, int ftpPort, StringBuilder output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(4))
        {
            Assert.False(appHost.HasExited, $"the AppHost exited: {output}");
            if (await GreetsAsync(ftpPort) && RunProcesses(appHost.Id).Any(p => CommandLine(p).Contains("CommuniGateFtp.Admin", StringComparison.Ordinal)))
            {
                return;
            }
            await Task.Delay(500);
        }
        Assert.Fail($"the system did not start: {output}");
    }

    private static async Task<bool> GreetsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            using var reader = new StreamReader(client.GetStream());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return (await reader.ReadLineAsync(timeout.Token))?.StartsWith("220", StringComparison.Ordinal) == true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<(string Name, TimeSpan At)> GoneAsync(string name, int[] pids, Stopwatch clock)
    {
        while (pids.Any(IsRunning) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }
        return (name, clock.Elapsed);
    }

    // What the run started: its own descendants, and the orchestrator (dcp), which detaches from them and watches the
    // AppHost's process instead, with everything it starts.
    private static int[] RunProcesses(int run)
    {
        var own = Descendants(run);
        var orchestrators = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && own.Any(p => CommandLine(pid).Contains($"--monitor {p} ", StringComparison.Ordinal)))
            .ToArray();
        return [.. own, .. orchestrators, .. orchestrators.SelectMany(Descendants)];
    }

    private static int[] Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var child in parents.Where(p => p.Value == next).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }
        return [.. found];
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    // A process that has exited but was not reaped yet (a zombie) holds no port and counts as gone.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Signal(string signal, int target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, "--", target.ToString()]) { RedirectStandardError = true })!;
        kill.WaitForExit(2000);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
