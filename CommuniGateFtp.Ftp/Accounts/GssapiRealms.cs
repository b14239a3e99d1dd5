namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// GSS-USER, SET-GSS: which account a Kerberos principal is. <c>name@REALM</c> is account <c>name</c> in the Domain the
/// live setting <c>gssapiRealms</c> maps REALM to (one <c>REALM = domain</c> a line), else in the Domain named like the
/// realm in lower case (<c>FTP.TEST</c> → <c>ftp.test</c>). Service principals (<c>host/name@REALM</c>) are no account.
/// </summary>
public static class GssapiRealms
{
    /// <summary>The account <paramref name="principal"/> maps to, or null.</summary>
    public static LoginName? Map(string principal, string realms)
    {
        var at = principal.LastIndexOf('@');
        if (at <= 0 || at == principal.Length - 1 || principal.AsSpan(0, at).Contains('/'))
        {
            return null;
        }
        var realm = principal[(at + 1)..];
        var domain = TryParse(realms, out var map, out _) && map.TryGetValue(realm, out var mapped) ? mapped : realm.ToLowerInvariant();
        return LoginName.TryParse($"{principal[..at]}@{domain}", out var login) ? login : null;
    }

    /// <summary>Reads the setting: realm → Domain, realms compared case-insensitively; <paramref name="error"/> names a bad line.</summary>
    public static bool TryParse(string text, out Dictionary<string, string> map, out string? error)
    {
        map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        error = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith(';'))
            {
                continue;
            }
            var equals = line.IndexOf('=');
            var realm = equals < 0 ? "" : line[..equals].Trim();
            var domain = equals < 0 ? "" : line[(equals + 1)..].Trim();
            if (realm.Length == 0 || realm.Any(char.IsWhiteSpace) || !DomainName.IsValid(domain))
            {
                error = $"'{line}' is not 'REALM = domain'.";
                return false;
            }
            map[realm] = DomainName.Normalize(domain);
        }
        return true;
    }
}
