using CommuniGateFtp.Bench.Measure;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>What a scenario writes to: result lines (JSON) and a progress log; and its cancellation.</summary>
public sealed class ScenarioContext(BenchArgs args, TextWriter output, TextWriter log, CancellationToken cancellationToken)
{
    private readonly Lock _gate = new();
    private readonly string _label = args.Label;

    public CancellationToken Cancellation => cancellationToken;

    /// <summary>Prints a result line, labelled with the server's <c>--label</c>.</summary>
    public void Emit(string scenario, double? value, string unit, Dictionary<string, object>? details = null)
    {
        var line = new ResultLine(scenario, _label, value, unit) { Details = details };
        lock (_gate)
        {
            output.WriteLine(line.ToJson());
            output.Flush();
        }
    }

    /// <summary>Plain text to the output (the report's table).</summary>
    public void Write(string text)
    {
        lock (_gate)
        {
            output.Write(text);
            output.Flush();
        }
    }

    public void Log(string message)
    {
        lock (_gate)
        {
            log.WriteLine($"[{_label}] {message}");
        }
    }
}
