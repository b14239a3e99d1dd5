using System.Reflection;
using BenchmarkDotNet.Attributes;
using CommuniGateFtp.MicroBenchmarks;

namespace CommuniGateFtp.Tests.Bench;

/// <summary>
/// Every BenchmarkDotNet benchmark runs once, untimed, as its harness would call it (global setup, the method, global
/// cleanup), so a benchmark that throws or measures nothing breaks here rather than on the day someone runs them.
/// </summary>
public sealed class MicroBenchmarkTests
{
    public static TheoryData<string> Benchmarks() =>
    [
        .. typeof(CommuniGateFtp.MicroBenchmarks.Program).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).Select(m => $"{t.Name}.{m.Name}"))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Every_hot_path_has_benchmarks() =>
        Assert.Equal(
            ["AsciiConversionBenchmarks", "CommandParsingBenchmarks", "DirectoryListingBenchmarks", "ListingLineBenchmarks", "ReplyFormattingBenchmarks", "RightsCheckBenchmarks"],
            Benchmarks().Select(b => b.Data.Split('.')[0]).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public async Task Benchmark_runs_once_and_returns_a_result(string name)
    {
        var (typeName, methodName) = (name.Split('.')[0], name.Split('.')[1]);
        var type = typeof(CommuniGateFtp.MicroBenchmarks.Program).Assembly.GetTypes().Single(t => t.Name == typeName);
        var instance = Activator.CreateInstance(type)!;
        Call<GlobalSetupAttribute>(type, instance);
        try
        {
            var method = type.GetMethod(methodName)!;
            var result = method.Invoke(instance, null);
            if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            {
                result = method.ReturnType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null);
            }
            if (result is Task task)
            {
                await task;
                result = task.GetType().IsGenericType && method.ReturnType != typeof(Task) ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            }
            // Each benchmark returns what it computed (a command, bytes written, rights): nothing, or nothing at all, is a broken benchmark.
            Assert.True(result is null or not (0 or "" or CommuniGateFtp.Ftp.Storage.FileRights.None), $"{name} returned {result}");
        }
        finally
        {
            Call<GlobalCleanupAttribute>(type, instance);
        }
    }

    private static void Call<TAttribute>(Type type, object instance) where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
