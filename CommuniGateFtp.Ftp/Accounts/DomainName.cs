using System.Text.RegularExpressions;

namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>Domain names as CommuniGate Pro accepts them: DNS labels of letters, digits and hyphens, compared lower-case.</summary>
public static partial class DomainName
{
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 253 && Pattern().IsMatch(name);

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex Pattern();
}
