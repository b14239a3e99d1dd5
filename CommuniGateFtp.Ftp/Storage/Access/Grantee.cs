using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>An ACL grantee (FS-ACL), parsed from and printed as CommuniGate Pro writes it; names are lower case.</summary>
public sealed record Grantee(GranteeKind Kind, string Name = "", string? Domain = null)
{
    private const string AnyoneName = "anyone";

    public static bool TryParse(string? text, out Grantee grantee)
    {
        grantee = new Grantee(GranteeKind.Anyone);
        var value = text?.Trim().ToLowerInvariant() ?? "";
        if (value.StartsWith('#'))
        {
            grantee = new Grantee(GranteeKind.Group, value[1..]);
            return AccountName.IsValid(grantee.Name);
        }
        var at = value.IndexOf('@');
        var name = at < 0 ? value : value[..at];
        var domain = at < 0 ? null : value[(at + 1)..];
        if (name == AnyoneName)
        {
            grantee = domain switch
            {
                null => new Grantee(GranteeKind.Anyone),
                "" => new Grantee(GranteeKind.AnyoneInOwnerDomain),
                _ => new Grantee(GranteeKind.AnyoneInDomain, "", domain),
            };
            return domain is null or "" || DomainName.IsValid(domain);
        }
        grantee = new Grantee(GranteeKind.Account, name, domain);
        return AccountName.IsValid(name) && (domain is null || DomainName.IsValid(domain));
    }

    /// <summary>True when this entry speaks of <paramref name="caller"/> on an item of <paramref name="owner"/>.</summary>
    /// <param name="callerGroups">The groups of the owner's Domain that the caller belongs to.</param>
    public bool Matches(AuthenticatedAccount caller, StorageOwner owner, IReadOnlySet<string> callerGroups) => Kind switch
    {
        GranteeKind.Account => caller.Name == Name && caller.Domain == (Domain ?? owner.Domain),
        GranteeKind.Anyone => true,
        GranteeKind.AnyoneInOwnerDomain => caller.Domain == owner.Domain,
        GranteeKind.AnyoneInDomain => caller.Domain == Domain,
        GranteeKind.Group => callerGroups.Contains(Name),
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        GranteeKind.Account => Domain is null ? Name : $"{Name}@{Domain}",
        GranteeKind.Anyone => AnyoneName,
        GranteeKind.AnyoneInOwnerDomain => AnyoneName + "@",
        GranteeKind.AnyoneInDomain => $"{AnyoneName}@{Domain}",
        _ => "#" + Name,
    };
}
