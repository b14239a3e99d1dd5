using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommuniGateFtp.Bench.Measure;

/// <summary>
/// One scenario result, printed as one line of JSON so that the script can aggregate rounds: what was measured, on
/// which server, the value and its unit; <see cref="Details"/> carries what a reader needs to trust it (counts, checks).
/// A null value means the server does not offer the operation (e.g. MLSD on vsftpd).
/// </summary>
public sealed record ResultLine(string Scenario, string Server, double? Value, string Unit)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Dictionary<string, object>? Details { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ResultLine Parse(string line) => JsonSerializer.Deserialize<ResultLine>(line, Json)
        ?? throw new FormatException($"not a result line: {line}");
}
