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
        IsValidName(name) && !(name.StartsWith('~') && Inner.IsRoot)
            ? new([.. _segments, name])
            : throw new ArgumentException($"'{name}' is not a valid name.", nameof(name));

    /// <summary>
    /// Resolves a command argument against the current directory (FS-PATH): absolute or relative, <c>.</c> and <c>..</c>
    /// taken lexically, nothing above <c>/</c>. An account reference (<c>~name</c> or <c>~name@domain</c>) is the first
    /// component of an absolute argument, or a relative argument starting with <c>~</c>; anywhere else a leading
    /// <c>~</c> is a plain character, except at the top of an account's storage (FS-NAME). False for forbidden names.
    /// </summary>
    public static bool TryResolve(VirtualPath current, string argument, out VirtualPath path)
    {
        path = current;
        if (argument.Length is 0 or > MaxPathLength)
        {
            return false;
        }
        // CGP: "~name" given as a relative argument is a name prefix, the same as "/~name".
        var fromTop = argument.StartsWith('/') || argument.StartsWith('~');
        var segments = fromTop ? new List<string>() : [.. current._segments];
        var referenced = !fromTop && current.AccountReference is not null;
        var first = true;
        foreach (var part in argument.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var isFirst = first;
            first = false;
            switch (part)
            {
                case ".":
                    continue;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }
                    referenced &= segments.Count > 0;
                    continue;
                default:
                    if (isFirst && fromTop && part.StartsWith('~'))
                    {
                        if (!IsValidReference(part[1..]))
                        {
                            return false;
                        }
                        segments.Add(part);
                        referenced = true;
                        continue;
                    }
                    // FS-NAME: a name at the top of a storage starting with '~' would read as an account reference.
                    if (!IsValidName(part) || (part.StartsWith('~') && segments.Count == (referenced ? 1 : 0)))
                    {
                        return false;
                    }
                    segments.Add(part);
                    break;
            }
        }
        path = new VirtualPath([.. segments]);
        return true;
    }

    /// <summary>The account named by the first segment (<c>name</c> or <c>name@domain</c>, as typed), or null for one's own storage.</summary>
    public string? AccountReference => _segments.Length > 0 && _segments[0].StartsWith('~') ? _segments[0][1..] : null;

    /// <summary>The path inside the referenced account's storage (the path itself when there is no reference).</summary>
    public VirtualPath Inner => AccountReference is null ? this : new(_segments[1..]);

    /// <summary>The path <paramref name="inner"/> seen through the reference <paramref name="reference"/> (none: one's own storage).</summary>
    public static VirtualPath InAccount(string? reference, VirtualPath inner) =>
        reference is null ? inner : new(["~" + reference, .. inner._segments]);

    /// <summary><c>name</c> or <c>name@domain</c> with a valid account name and domain name.</summary>
    public static bool IsValidReference(string reference)
    {
        var at = reference.IndexOf('@');
        return at < 0
            ? Accounts.AccountName.IsValid(reference)
            : Accounts.AccountName.IsValid(reference[..at]) && Accounts.DomainName.IsValid(reference[(at + 1)..]);
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
