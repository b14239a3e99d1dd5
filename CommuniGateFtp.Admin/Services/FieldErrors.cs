namespace CommuniGateFtp.Admin.Services;

/// <summary>A validation problem's messages by member (<c>channels</c>, <c>listener[1].port</c>), to show at each field.</summary>
public sealed class FieldErrors(IReadOnlyDictionary<string, string[]>? errors = null)
{
    private readonly IReadOnlyDictionary<string, string[]> _errors = errors ?? new Dictionary<string, string[]>();

    public static FieldErrors None { get; } = new();

    public bool Any => _errors.Count > 0;

    public bool Has(string member) => _errors.ContainsKey(member);

    public string? Text(string member) => _errors.TryGetValue(member, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Messages for members no field on the page shows (so none is lost).</summary>
    public IEnumerable<string> Except(IEnumerable<string> shown) =>
        _errors.Where(e => !shown.Contains(e.Key, StringComparer.Ordinal)).SelectMany(e => e.Value);

    public IEnumerable<string> Members => _errors.Keys;
}
