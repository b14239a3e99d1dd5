using CommuniGateFtp.Ftp.Data;

namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>
/// Who may make an <see cref="AccountChange"/>. A server administrator any. A Domain administrator changes accounts of
/// its own Domain only, and within it:
/// <list type="bullet">
/// <item>never grants the server administrator right, and never changes, resets or deletes a server administrator's
/// account (CGP: the Master right is granted by the Master only; a Domain administrator cannot act on an account that
/// holds more rights than it does);</item>
/// <item>may grant and revoke Domain administration to accounts of its Domain (CGP: a Domain administrator allowed to
/// modify access rights grants Domain Administration within its Domain, never beyond it);</item>
/// <item>leaves the storage limits as the server administrator set them (new accounts get the Domain's defaults): the
/// Domain's storage is the server administrator's allotment.</item>
/// </list>
/// </summary>
public sealed class AccountChangeRequirement : AdministrationRequirement<AccountChange>
{
    // The body's domain too: a change never moves an account, and a body naming another Domain is refused, not ignored.
    protected override string? Refusal(ManagementCaller caller, AccountChange change) =>
        !caller.Sees(change.Domain) || (change.Request?.Domain is { } named && !caller.Sees(named)) ? $"You administer the domain '{caller.Domain}' only."
        : change.Target?.IsAdministrator == true ? "Only a server administrator may change or delete a server administrator's account."
        : change.Request?.IsAdministrator == true ? "Only a server administrator may grant the server administrator right."
        : LimitChanged(change.Request?.StorageSizeLimit, change.Target?.StorageSizeLimit)
            || LimitChanged(change.Request?.StorageFilesLimit, change.Target?.StorageFilesLimit)
            ? "Storage limits are set by a server administrator; a domain administrator's accounts keep theirs (new ones: the domain's defaults)."
        : null;

    // Sending the limit the account has (or "default" for a new one) is no change: the WebAdmin's form sends every member.
    private static bool LimitChanged(string? wanted, StorageLimit? current) =>
        wanted is not null && (!StorageLimit.TryParse(wanted, out var limit) || limit != (current ?? StorageLimit.Default));
}
