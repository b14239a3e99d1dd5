using System.Text.RegularExpressions;

namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>Account names: letters, digits, <c>.</c>, <c>-</c> and <c>_</c>, up to 64 characters, compared lower-case.</summary>
public static partial class AccountName
{
    public static bool IsValid(string? name) => !string.IsNullOrEmpty(name) && Pattern().IsMatch(name);

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    [GeneratedRegex(@"^[A-Za-z0-9_](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9_])?$")]
    private static partial Regex Pattern();
}
