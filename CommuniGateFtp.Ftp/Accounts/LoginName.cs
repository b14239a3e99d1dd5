namespace CommuniGateFtp.Ftp.Accounts;

/// <summary>
/// A name given to USER or to the token endpoint: <c>name</c>, <c>name@domain</c> or <c>name%domain</c> (SES-NAME, CGP).
/// Lower-cased; <see cref="Domain"/> is null when the name is unqualified.
/// </summary>
public sealed record LoginName(string Account, string? Domain)
{
    public static bool TryParse(string? text, out LoginName? login)
    {
        login = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        var at = text.IndexOfAny(['@', '%']);
        var account = at < 0 ? text : text[..at];
        var domain = at < 0 ? null : text[(at + 1)..];
        if (!AccountName.IsValid(account) || (domain is not null && !DomainName.IsValid(domain)))
        {
            return false;
        }
        login = new LoginName(AccountName.Normalize(account), domain is null ? null : DomainName.Normalize(domain));
        return true;
    }

    public override string ToString() => Domain is null ? Account : $"{Account}@{Domain}";
}
