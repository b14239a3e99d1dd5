using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommuniGateFtp.Ftp.Management.Documents;

/// <summary>
/// The top-level members of a JSON document type as given serializer options name them: which a body lacks, and the
/// type's own spelling of a name a client sent in another case (the Web defaults read names case-insensitively).
/// </summary>
public sealed class JsonMembers
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    private JsonMembers(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _byName[name] = name;
        }
        Names = [.. _byName.Values];
    }

    /// <summary>Every member's name, as the options write it.</summary>
    public IReadOnlyList<string> Names { get; }

    public static JsonMembers Of<T>(JsonSerializerOptions options) =>
        new(options.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name));

    /// <summary>The member <paramref name="sent"/> names, in the type's spelling; null when the type has no such member.</summary>
    public string? Find(string sent) => _byName.GetValueOrDefault(sent);

    /// <summary>The members <paramref name="body"/> does not send (in any case).</summary>
    public IEnumerable<string> MissingFrom(JsonObject body)
    {
        var sent = body.Select(member => member.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Names.Where(name => !sent.Contains(name));
    }

    /// <summary>
    /// A copy of <paramref name="body"/> with every member renamed to the type's spelling, or the members the type lacks
    /// (a patch's unknown member is refused even when its value is null, which merging alone would drop).
    /// </summary>
    public (JsonObject? Canonical, IReadOnlyList<string> Unknown) Canonicalize(JsonObject body)
    {
        var canonical = new JsonObject();
        var unknown = new List<string>();
        foreach (var (name, value) in body)
        {
            if (Find(name) is { } known)
            {
                canonical[known] = value?.DeepClone();
            }
            else
            {
                unknown.Add(name);
            }
        }
        return unknown.Count == 0 ? (canonical, []) : (null, unknown);
    }
}
