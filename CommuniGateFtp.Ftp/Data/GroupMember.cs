namespace CommuniGateFtp.Ftp.Data;

/// <summary>Membership of an account in a group.</summary>
public sealed class GroupMember
{
    public int GroupId { get; set; }

    public Group Group { get; set; } = null!;

    public int AccountId { get; set; }

    public Account Account { get; set; } = null!;
}
