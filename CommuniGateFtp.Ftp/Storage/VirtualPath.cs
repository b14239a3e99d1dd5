using System.Text;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// The only way to name a file: an absolute, normalised path in the session's virtual namespace (FS-PATH). Its
/// segments are checked names (FS-NAME), so no value of this type can reach above its root. Case-sensitive.
/// </summary>
public sealed class VirtualPath : IEquatable<VirtualPath>
{
    public const int MaxPathLength = 4096;
    public const int MaxNameBytes = 255;

    private readonly string[] _segments;

    private VirtualPath(string[] segments) => _segments = segments;

    public static VirtualPath Root { get; } = new([]);

    public IReadOnlyList<string> Segments => _segments;

    public bool IsRoot => _segments.Length == 0;

    /// <summary>The last segment; empty for the root.</summary>
    public string Name => IsRoot ? "" : _segments[^1];

    public VirtualPath Parent => IsRoot ? this : new(_segments[..^1]);

    public VirtualPath Append(string name) =>
        IsValidName(name) ? new([.. _segments, name]) : throw new ArgumentException($"'{name}' is not a valid name.", nameof(name));

    /// <summary>
    /// Resolves a command argument against the current directory: absolute or relative, <c>.</c> and <c>..</c> taken
    /// lexically, nothing above <c>/</c> (FS-PATH). False for names FS-NAME forbids.
    /// </summary>
    public static bool TryResolve(VirtualPath current, string argument, out VirtualPath path)
    {
        path = current;
        if (argument.Length is 0 or > MaxPathLength)
        {
            return false;
        }
        var segments = argument.StartsWith('/') ? new List<string>() : [.. current._segments];
        foreach (var part in argument.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part)
            {
                case ".":
                    continue;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }
                    continue;
                default:
                    if (!IsValidName(part))
                    {
                        return false;
                    }
                    segments.Add(part);
                    break;
            }
        }
        // FS-NAME: a top-level name starting with '~' is an account reference (FS-PATH), never a file of one's own.
        if (segments.Count > 0 && segments[0].StartsWith('~'))
        {
            return false;
        }
        path = new VirtualPath([.. segments]);
        return true;
    }

    /// <summary>FS-NAME: not empty, not <c>.</c>/<c>..</c>, at most 255 UTF-8 bytes, no C0 control, no <c>/</c> or <c>\</c>.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && name is not "." and not ".."
        && Encoding.UTF8.GetByteCount(name) <= MaxNameBytes
        && !name.AsSpan().ContainsAny(ForbiddenCharacters);

    private static readonly System.Buffers.SearchValues<char> ForbiddenCharacters = System.Buffers.SearchValues.Create(
        "/\\\u007f" + new string(Enumerable.Range(0, 32).Select(c => (char)c).ToArray()));

    public override string ToString() => "/" + string.Join('/', _segments);

    public bool Equals(VirtualPath? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    public override bool Equals(object? obj) => Equals(obj as VirtualPath);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
