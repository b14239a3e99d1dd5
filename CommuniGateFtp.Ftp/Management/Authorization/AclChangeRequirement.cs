using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;

namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>
/// Who may make an <see cref="AclChange"/>. A server administrator any. A Domain administrator (of the owner's Domain,
/// which the route already checked) may give rights to grantees inside its Domain — <c>user</c>, <c>user@its-domain</c>,
/// <c>anyone@</c>, <c>anyone@its-domain</c>, <c>#group</c> — and may keep or narrow what a server administrator gave to
/// grantees outside it (<c>anyone</c>, <c>user@other</c>, <c>anyone@other</c>), but never add or widen those: opening
/// its Domain's files to other Domains is the server administrator's decision.
/// </summary>
public sealed class AclChangeRequirement : AdministrationRequirement<AclChange>
{
    protected override string? Refusal(ManagementCaller caller, AclChange change)
    {
        if (!caller.Sees(change.Owner.Domain))
        {
            return $"You administer the domain '{caller.Domain}' only.";
        }
        var widened = change.Wanted.FirstOrDefault(e => !Inside(e.Grantee, change.Owner.Domain) && (e.Rights & ~Rights(change.Current, e.Grantee)) != FileRights.None);
        return widened is null ? null
            : $"Only a server administrator may give rights to '{widened.Grantee}', which is outside the domain '{change.Owner.Domain}'.";
    }

    private static bool Inside(Grantee grantee, string domain) => grantee.Kind switch
    {
        GranteeKind.Account => grantee.Domain is null || grantee.Domain == domain,
        GranteeKind.AnyoneInOwnerDomain or GranteeKind.Group => true,
        GranteeKind.AnyoneInDomain => grantee.Domain == domain,
        _ => false,
    };

    private static FileRights Rights(IReadOnlyList<AclEntry> entries, Grantee grantee) =>
        entries.Where(e => e.Grantee == grantee).Aggregate(FileRights.None, (rights, e) => rights | e.Rights);
}
