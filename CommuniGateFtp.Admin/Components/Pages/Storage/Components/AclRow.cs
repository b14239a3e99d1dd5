namespace CommuniGateFtp.Admin.Components.Pages.Storage.Components;

/// <summary>One ACL entry while it is edited: a grantee and its rights letters in the canonical order.</summary>
public sealed class AclRow
{
    public string Grantee { get; set; } = "";

    public string Rights { get; set; } = "";

    public bool Has(char letter) => Rights.Contains(letter, StringComparison.Ordinal);

    public void Set(char letter, bool on) =>
        Rights = new string([.. AclRights.Letters.Select(l => l.Letter).Where(l => l == letter ? on : Has(l))]);
}
