using System.Diagnostics;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>Runs a real client program to completion with a time limit and captures what it printed.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessOutput> RunAsync(string file, IEnumerable<string> args, string? stdin = null,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(file, args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in time: {await stderr}");
        }
        return new ProcessOutput(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// The same for a caller that cannot await (a <see cref="Lazy{T}"/>, a host's configuration), with blocking reads
    /// only: the process's pipes never go through the sockets engine, so this cannot deadlock even when it blocks one
    /// of that engine's event threads (where inline socket completions may have brought the caller).
    /// </summary>
    public static ProcessOutput Run(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(file, args, environment))!;
        process.StandardInput.Close();
        var stdout = Task.Factory.StartNew(process.StandardOutput.ReadToEnd, TaskCreationOptions.LongRunning);
        var stderr = Task.Factory.StartNew(process.StandardError.ReadToEnd, TaskCreationOptions.LongRunning);
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in time: {stderr.GetAwaiter().GetResult()}");
        }
        return new ProcessOutput(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, IDictionary<string, string>? environment)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }
        return psi;
    }
}

public sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
