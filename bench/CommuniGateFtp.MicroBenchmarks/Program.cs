using BenchmarkDotNet.Running;

namespace CommuniGateFtp.MicroBenchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CommuniGateFtp.MicroBenchmarks -- --filter '*'</c> (add <c>--job short</c>
/// for a quick pass); results and how to read them in docs/benchmarks.md.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
